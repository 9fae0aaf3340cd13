using Distillery.Methods;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>A run stopped between checkpoints keeps the iteration it finished, and a rerun ends as an uninterrupted run.</summary>
public sealed class DistributionMatchingStopTests
{
    [Fact]
    public async Task ARunStoppedAfterAnIterationBetweenCheckpointsKeepsItAndResumesToTheSameImages()
    {
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 6);
        options.CheckpointEvery = 2;
        using var straight = await DmRuns.RunAsync(options, DmRuns.Request(data, imagesPerClass: 2));

        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore();
        var stopped = (await FluentActions.Awaiting(() => DmRuns.RunAsync(
                options,
                DmRuns.Request(data, imagesPerClass: 2, checkpoints: store, progress: new CancellingProgress(interrupt, after: 3)),
                cancellationToken: interrupt.Token))
            .Should().ThrowAsync<RunStoppedException>()).Which;

        stopped.ResumeFrom.Should().Be(4);
        store.SavedSteps.Should().Equal([2, 3]);

        using var resumed = await DmRuns.RunAsync(options, DmRuns.Request(data, imagesPerClass: 2, checkpoints: store));

        store.SavedSteps.Should().Equal([2, 3, 4, 6]);
        resumed.Images.Should().BeBitEqualTo(straight.Images);
    }

    [Fact]
    public async Task ARunStoppedBeforeItsFirstIterationKeptNothing()
    {
        using var data = TwoClassProblem.Create();
        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore();
        await interrupt.CancelAsync();

        var stopped = (await FluentActions.Awaiting(() => DmRuns.RunAsync(DmRuns.Options(iterations: 4), DmRuns.Request(data, checkpoints: store), cancellationToken: interrupt.Token))
            .Should().ThrowAsync<RunStoppedException>()).Which;

        stopped.NothingKept.Should().BeTrue();
        store.Saves.Should().Be(0);
    }
}
