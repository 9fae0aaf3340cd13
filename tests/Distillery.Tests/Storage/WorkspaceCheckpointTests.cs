using Distillery.Storage;
using Distillery.Tests.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

public sealed class WorkspaceCheckpointTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task ARunWithoutCheckpointLoadsNull()
    {
        var store = _workspace.Open();

        (await store.Checkpoints("fresh").LoadAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task SaveReplacesThePreviousCheckpointAndLoadGivesTheLatest()
    {
        var store = _workspace.Open(chunkBytes: 1024);
        var checkpoints = store.Checkpoints("dm/fashion-mnist/ipc10/seed0");
        using var generator = new Generator(11);
        var images = torch.randn([4, 1, 8, 8], generator: generator);
        using var imagesCopy = images.clone();

        await checkpoints.SaveAsync(new Checkpoint(100, new Dictionary<string, Tensor> { ["images"] = torch.zeros(10) }, """{"rng":1}"""), CancellationToken.None);
        await checkpoints.SaveAsync(
            new Checkpoint(200, new Dictionary<string, Tensor> { ["images"] = images, ["lr"] = torch.tensor(0.01f) }, """{"rng":2}"""),
            CancellationToken.None);

        using var latest = await _workspace.Open().Checkpoints("dm/fashion-mnist/ipc10/seed0").LoadAsync(CancellationToken.None);
        latest.Should().NotBeNull();
        latest.Step.Should().Be(200);
        latest.StateJson.Should().Be("""{"rng":2}""");
        latest.Tensors.Keys.Order(StringComparer.Ordinal).Should().Equal(["images", "lr"]);
        latest.Tensors["images"].Should().BeBitEqualTo(imagesCopy);
        latest.Tensors["lr"].item<float>().Should().Be(0.01f);
        // 1024 bytes of images in one chunk, 4 bytes of lr in another: nothing left of the first checkpoint.
        _workspace.CountChunks().Should().Be(2);
    }

    [Fact]
    public async Task RunsKeepTheirOwnCheckpointsAndDeleteRemovesOne()
    {
        var store = _workspace.Open();
        await store.Checkpoints("a").SaveAsync(new Checkpoint(1, new Dictionary<string, Tensor> { ["x"] = torch.ones(3) }, "{}"), CancellationToken.None);
        await store.Checkpoints("b").SaveAsync(new Checkpoint(2, new Dictionary<string, Tensor> { ["x"] = torch.ones(3) }, "{}"), CancellationToken.None);

        await store.DeleteCheckpointsAsync("a", CancellationToken.None);
        await store.DeleteCheckpointsAsync("never-saved", CancellationToken.None);

        (await store.Checkpoints("a").LoadAsync(CancellationToken.None)).Should().BeNull();
        using var b = await store.Checkpoints("b").LoadAsync(CancellationToken.None);
        b!.Step.Should().Be(2);
        _workspace.CountChunks().Should().Be(1);
    }

    [Fact]
    public async Task TheStepOfARunsCheckpointIsReadWithoutItsTensors()
    {
        var store = _workspace.Open();
        await store.Checkpoints("run").SaveAsync(new Checkpoint(7, new Dictionary<string, Tensor> { ["x"] = torch.ones(3) }, "{}"), CancellationToken.None);
        using (var raw = _workspace.OpenRaw())
        {
            raw.GetCollection("tensor_chunks").DeleteAll();
        }

        (await store.CheckpointStepAsync("run", CancellationToken.None)).Should().Be(7);
        (await store.CheckpointStepAsync("never-saved", CancellationToken.None)).Should().BeNull();
        await store.Invoking(s => s.Checkpoints("run").LoadAsync(CancellationToken.None)).Should().ThrowAsync<UserErrorException>();
    }

    [Fact]
    public async Task ADamagedCheckpointStepIsAUserErrorNamingTheRun()
    {
        var store = _workspace.Open();
        await store.Checkpoints("run").SaveAsync(new Checkpoint(7, new Dictionary<string, Tensor> { ["x"] = torch.ones(3) }, "{}"), CancellationToken.None);
        using (var raw = _workspace.OpenRaw())
        {
            var checkpoints = raw.GetCollection("checkpoints");
            var document = checkpoints.FindById("run");
            document["step"] = "seven";
            checkpoints.Update(document);
        }

        var load = () => store.CheckpointStepAsync("run", CancellationToken.None);

        (await load.Should().ThrowAsync<UserErrorException>()).Which.Message.Should().Contain("run 'run'").And.Contain("delete the run's checkpoints");
    }

    [Fact]
    public async Task SaveTakesOwnershipOfTheCheckpoint()
    {
        var store = _workspace.Open();
        var tensor = torch.ones(3);

        await store.Checkpoints("owned").SaveAsync(new Checkpoint(1, new Dictionary<string, Tensor> { ["x"] = tensor }, "{}"), CancellationToken.None);

        tensor.IsInvalid.Should().BeTrue();
    }

    public void Dispose() => _workspace.Dispose();
}
