using Distillery.Runs;
using Distillery.Storage;
using Distillery.Tests.Kit;
using TorchSharp;

namespace Distillery.Tests.Runs;

public sealed class ClockedCheckpointStoreTests
{
    [Fact]
    public async Task AResumedRunsClockContinuesFromTheTimeItsCheckpointHolds()
    {
        using var memory = new MemoryCheckpointStore();
        var first = new RunClock();
        first.ContinueFrom(100, 40);
        await new ClockedCheckpointStore(memory, first).SaveAsync(Method(step: 3), CancellationToken.None);

        var second = new RunClock();
        using var loaded = await new ClockedCheckpointStore(memory, second).LoadAsync(CancellationToken.None);

        loaded!.Step.Should().Be(3);
        loaded.Tensors.Keys.Should().Equal(["images"], "the method sees only its own tensors");
        loaded.StateJson.Should().Be("{\"completed\":3}");
        second.Seconds.Should().BeInRange(100, 110);
        second.ProcessorSeconds.Should().BeInRange(40, 50);
    }

    [Fact]
    public async Task ACheckpointWithoutATimeLoadsAsItIsAndTheClockStartsAtZero()
    {
        using var memory = new MemoryCheckpointStore();
        await memory.SaveAsync(Method(step: 2), CancellationToken.None);
        var clock = new RunClock();

        using var loaded = await new ClockedCheckpointStore(memory, clock).LoadAsync(CancellationToken.None);

        loaded!.Tensors.Keys.Should().Equal(["images"]);
        clock.Seconds.Should().BeLessThan(10);
    }

    [Fact]
    public async Task NoCheckpointLoadsAsNone()
    {
        using var memory = new MemoryCheckpointStore();
        (await new ClockedCheckpointStore(memory, new RunClock()).LoadAsync(CancellationToken.None)).Should().BeNull();
    }

    private static Checkpoint Method(int step) =>
        new(step, new Dictionary<string, torch.Tensor> { ["images"] = torch.ones(2, 3) }, "{\"completed\":" + step + "}");
}
