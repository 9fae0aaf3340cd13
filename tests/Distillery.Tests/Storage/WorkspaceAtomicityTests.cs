using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

/// <summary>A write that fails between chunks leaves no trace: the transaction rolls back and a reopened file shows the state before.</summary>
public sealed class WorkspaceAtomicityTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task FailureBetweenChunksLeavesNoSet()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        var written = 0;
        store.ChunkWritten = (_, _) =>
        {
            if (++written == 2)
            {
                throw new IOException("disk unplugged");
            }
        };
        using var set = TempWorkspace.MakeSet(count: 40);

        await Assert.ThrowsAsync<IOException>(() => store.SaveSetAsync("half", set, overwrite: false, CancellationToken.None));
        store.Dispose();

        Assert.Equal(2, written);
        var reopened = _workspace.Open();
        Assert.False(await reopened.SetExistsAsync("half", CancellationToken.None));
        Assert.Empty(await reopened.ListSetsAsync(CancellationToken.None));
        Assert.Equal(0, _workspace.CountChunks());
    }

    [Fact]
    public async Task FailedOverwriteKeepsTheOldSet()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        using var original = TempWorkspace.MakeSet(count: 40, seed: 1);
        await store.SaveSetAsync("kept", original, overwrite: false, CancellationToken.None);
        var chunksBefore = _workspace.CountChunks();
        store.ChunkWritten = (tensor, index) =>
        {
            if (tensor == "images" && index == 1)
            {
                throw new IOException("disk unplugged");
            }
        };
        using var replacement = TempWorkspace.MakeSet(count: 40, seed: 2);

        await Assert.ThrowsAsync<IOException>(() => store.SaveSetAsync("kept", replacement, overwrite: true, CancellationToken.None));

        using var loaded = await _workspace.Open().LoadSetAsync("kept", CancellationToken.None);
        TensorAssert.BitEqual(original.Images, loaded.Images);
        Assert.Equal(chunksBefore, _workspace.CountChunks());
    }

    [Fact]
    public async Task CancellationBetweenChunksRollsBack()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        using var cancellation = new CancellationTokenSource();
        store.ChunkWritten = (_, index) =>
        {
            if (index == 0)
            {
                cancellation.Cancel();
            }
        };
        using var set = TempWorkspace.MakeSet(count: 40);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveSetAsync("cancelled", set, overwrite: false, cancellation.Token));

        Assert.False(await _workspace.Open().SetExistsAsync("cancelled", CancellationToken.None));
        Assert.Equal(0, _workspace.CountChunks());
    }

    [Fact]
    public async Task FailedCheckpointSaveKeepsThePreviousCheckpoint()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        var checkpoints = store.Checkpoints("run-1");
        await checkpoints.SaveAsync(new Checkpoint(10, new Dictionary<string, Tensor> { ["w"] = torch.full(300, 1f) }, """{"step":10}"""), CancellationToken.None);
        store.ChunkWritten = (_, index) =>
        {
            if (index == 1)
            {
                throw new IOException("disk unplugged");
            }
        };

        await Assert.ThrowsAsync<IOException>(
            () => checkpoints.SaveAsync(new Checkpoint(20, new Dictionary<string, Tensor> { ["w"] = torch.full(300, 2f) }, """{"step":20}"""), CancellationToken.None));

        using var latest = await _workspace.Open().Checkpoints("run-1").LoadAsync(CancellationToken.None);
        Assert.NotNull(latest);
        Assert.Equal(10, latest.Step);
        Assert.Equal(1f, latest.Tensors["w"].max().item<float>());
        Assert.Equal(2, _workspace.CountChunks());
    }

    public void Dispose() => _workspace.Dispose();
}
