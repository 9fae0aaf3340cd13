using Distillery.Methods;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Methods.GradientMatching;

/// <summary>
/// A run stopped between checkpoints keeps the last iteration it finished, also when it is stopped part-way through
/// the next one, and a rerun ends bit-identical to an uninterrupted run.
/// </summary>
public sealed class GradientMatchingStopTests : IDisposable
{
    private readonly MatchingProblem _problem = MatchingProblem.Create();

    public void Dispose() => _problem.Dispose();

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task ARunStoppedAfterAnIterationBetweenCheckpointsKeepsItAndResumesToTheSameImages(string name)
    {
        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore();
        var stopped = (await FluentActions.Awaiting(() => Method(name).DistillAsync(
                _problem.Request(checkpoints: store, progress: new CancellingProgress(interrupt, after: 3)), interrupt.Token))
            .Should().ThrowAsync<RunStoppedException>()).Which;

        stopped.ResumeFrom.Should().Be(4);
        store.SavedSteps.Should().Equal([2, 3]);
        await ResumesToTheUninterruptedImagesAsync(name, store);
    }

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task ARunStoppedPartWayThroughAnIterationKeepsTheOneBeforeAndResumesToTheSameImages(string name)
    {
        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore();
        var created = 0;
        var method = Method(name, network =>
        {
            if (++created == 4)
            {
                interrupt.Cancel(); // while iteration 4 builds its network
            }
        });

        var stopped = (await FluentActions.Awaiting(() => method.DistillAsync(_problem.Request(checkpoints: store), interrupt.Token))
            .Should().ThrowAsync<RunStoppedException>()).Which;

        stopped.ResumeFrom.Should().Be(4);
        store.SavedSteps.Should().Equal([2, 3]);
        await ResumesToTheUninterruptedImagesAsync(name, store);
    }

    private async Task ResumesToTheUninterruptedImagesAsync(string name, MemoryCheckpointStore store)
    {
        using var resumed = await Method(name).DistillAsync(_problem.Request(checkpoints: store), CancellationToken.None);
        using var straight = await Method(name).DistillAsync(_problem.Request(), CancellationToken.None);

        store.SavedSteps.Should().Equal([2, 3, 4]);
        resumed.Images.Should().BeBitEqualTo(straight.Images);
    }

    private static IDistillationMethod Method(string name, Action<Distillery.Networks.Network>? networkCreated = null) =>
        MatchingProblem.Method(name, options =>
        {
            options.Iterations = 5;
            options.CheckpointEvery = 2;
        }, networkCreated);
}
