using Distillery.Methods.GradientMatching;
using Distillery.Tests.Kit;
using Distillery.Tests.Training;
using TorchSharp;

namespace Distillery.Tests.Methods.GradientMatching;

public sealed class GradientMatchingRunTests : IDisposable
{
    private readonly MatchingProblem _problem = MatchingProblem.Create();

    public void Dispose() => _problem.Dispose();

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task ARunGivesFiniteImagesWithFixedLabelsAndProvenance(string name)
    {
        var progress = new RecordingProgress();
        using var set = await MatchingProblem.Method(name).DistillAsync(_problem.Request(ipc: 2, progress: progress), CancellationToken.None);

        set.Images.shape.Should().Equal([6L, 1, 16, 16]);
        set.Labels.data<long>().ToArray().Should().Equal([0L, 0, 1, 1, 2, 2]);
        set.Images.isfinite().all().item<bool>().Should().BeTrue();
        set.Images.requires_grad.Should().BeFalse();
        set.Provenance.Method.Should().Be(name);
        set.Provenance.Architecture.Should().Be("convnet:d1-w8");
        double.IsFinite(set.Provenance.Metrics["loss"]).Should().BeTrue();
        progress.Advanced.Should().Be(3);
    }

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task TheSameSeedGivesTheSameImagesAndAnotherSeedOthers(string name)
    {
        using var first = await MatchingProblem.Method(name).DistillAsync(_problem.Request(seed: 4), CancellationToken.None);
        using var again = await MatchingProblem.Method(name).DistillAsync(_problem.Request(seed: 4), CancellationToken.None);
        using var other = await MatchingProblem.Method(name).DistillAsync(_problem.Request(seed: 5), CancellationToken.None);

        first.Images.eq(again.Images).all().item<bool>().Should().BeTrue();
        first.Images.allclose(other.Images).Should().BeFalse();
    }

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task AnInterruptedRunResumesToTheSameImagesAsAnUninterruptedOne(string name)
    {
        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore(interrupt, interruptAfter: 1);
        await FluentActions.Awaiting(() => MatchingProblem.Method(name).DistillAsync(_problem.Request(checkpoints: store), interrupt.Token)).Should().ThrowAsync<OperationCanceledException>();
        store.LatestStep.Should().Be(1);

        using var resumed = await MatchingProblem.Method(name).DistillAsync(_problem.Request(checkpoints: store), CancellationToken.None);
        using var straight = await MatchingProblem.Method(name).DistillAsync(_problem.Request(), CancellationToken.None);

        store.LatestStep.Should().Be(2);
        resumed.Images.eq(straight.Images).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task ALossThatBecomesNonFiniteStopsNamingTheIterationAndKeepsTheLastCheckpoint()
    {
        using var store = new MemoryCheckpointStore();
        var method = MatchingProblem.Method("dc", o =>
        {
            o.LearningRateImages = 1e38;
            o.Iterations = 5;
            o.OuterLoop = 1;
        });

        var error = (await FluentActions.Awaiting(() => method.DistillAsync(_problem.Request(checkpoints: store), CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("iteration 2 of 5");
        error.Message.Should().Contain("LearningRateImages");
        store.LatestStep.Should().Be(1);
    }

    [Fact]
    public async Task BatchNormNetworksAreMatchedWithFrozenStatistics()
    {
        var passes = new BatchNormPasses();

        using var set = await MatchingProblem.Method("dc", networkCreated: passes.Watch)
            .DistillAsync(_problem.Request(ipc: 2, architecture: "convnet:d1-w8-batchnorm"), CancellationToken.None);

        // 3 iterations of 2 matching steps. Each step first sets the statistics with one pass of real images without
        // gradients, then matches every class: a pass of its real batch (8 images) and one of its synthetic images (2).
        var freezing = passes.All.Where(p => !p.GradEnabled).ToList();
        var matching = passes.All.Where(p => p.GradEnabled && p.Batch is 8 or 2).ToList();
        freezing.Should().HaveCount(3 * 2).And.OnlyContain(p => p.Training && p.Moved);
        matching.Should().HaveCount(3 * 2 * MatchingProblem.Classes * 2).And.OnlyContain(p => !p.Training && !p.Moved);
        set.Images.isfinite().all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task RealInitialisationStartsFromRealImagesOfEachClass()
    {
        using var set = await MatchingProblem.Method("dc", o =>
        {
            o.Init = "real";
            o.Iterations = 1;
            o.OuterLoop = 1;
            o.LearningRateImages = 1e-9;
        }).DistillAsync(_problem.Request(ipc: 1), CancellationToken.None);

        for (var label = 0; label < MatchingProblem.Classes; label++)
        {
            using var classImages = _problem.Train.ImagesOf(label);
            using var distances = (classImages - set.Images[label]).abs().amax([1, 2, 3]);
            ((double)distances.min().item<float>()).Should().BeLessThan(1e-5, $"class {label}");
        }
    }
}
