using Distillery.Storage;
using Distillery.Tests.Kit;
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

        await FluentActions.Awaiting(() => store.SaveSetAsync("half", set, overwrite: false, CancellationToken.None)).Should().ThrowExactlyAsync<IOException>();
        store.Dispose();

        written.Should().Be(2);
        var reopened = _workspace.Open();
        (await reopened.SetExistsAsync("half", CancellationToken.None)).Should().BeFalse();
        (await reopened.ListSetsAsync(CancellationToken.None)).Should().BeEmpty();
        _workspace.CountChunks().Should().Be(0);
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

        await FluentActions.Awaiting(() => store.SaveSetAsync("kept", replacement, overwrite: true, CancellationToken.None)).Should().ThrowExactlyAsync<IOException>();

        using var loaded = await _workspace.Open().LoadSetAsync("kept", CancellationToken.None);
        loaded.Images.Should().BeBitEqualTo(original.Images);
        _workspace.CountChunks().Should().Be(chunksBefore);
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

        await FluentActions.Awaiting(() => store.SaveSetAsync("cancelled", set, overwrite: false, cancellation.Token)).Should().ThrowAsync<OperationCanceledException>();

        (await _workspace.Open().SetExistsAsync("cancelled", CancellationToken.None)).Should().BeFalse();
        _workspace.CountChunks().Should().Be(0);
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

        await FluentActions.Awaiting(() => checkpoints.SaveAsync(new Checkpoint(20, new Dictionary<string, Tensor> { ["w"] = torch.full(300, 2f) }, """{"step":20}"""), CancellationToken.None)).Should().ThrowExactlyAsync<IOException>();

        using var latest = await _workspace.Open().Checkpoints("run-1").LoadAsync(CancellationToken.None);
        latest.Should().NotBeNull();
        latest.Step.Should().Be(10);
        latest.Tensors["w"].max().item<float>().Should().Be(1f);
        _workspace.CountChunks().Should().Be(2);
    }

    public void Dispose() => _workspace.Dispose();
}
