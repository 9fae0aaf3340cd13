using Distillery.Methods.GradientMatching;
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

        Assert.Equal([6L, 1, 16, 16], set.Images.shape);
        Assert.Equal([0L, 0, 1, 1, 2, 2], set.Labels.data<long>().ToArray());
        Assert.True(set.Images.isfinite().all().item<bool>());
        Assert.False(set.Images.requires_grad);
        Assert.Equal(name, set.Provenance.Method);
        Assert.Equal("convnet:d1-w8", set.Provenance.Architecture);
        Assert.True(double.IsFinite(set.Provenance.Metrics["loss"]));
        Assert.Equal(3, progress.Advanced);
    }

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task TheSameSeedGivesTheSameImagesAndAnotherSeedOthers(string name)
    {
        using var first = await MatchingProblem.Method(name).DistillAsync(_problem.Request(seed: 4), CancellationToken.None);
        using var again = await MatchingProblem.Method(name).DistillAsync(_problem.Request(seed: 4), CancellationToken.None);
        using var other = await MatchingProblem.Method(name).DistillAsync(_problem.Request(seed: 5), CancellationToken.None);

        Assert.True(first.Images.eq(again.Images).all().item<bool>());
        Assert.False(first.Images.allclose(other.Images));
    }

    [Theory]
    [InlineData("dc")]
    [InlineData("dsa")]
    public async Task AnInterruptedRunResumesToTheSameImagesAsAnUninterruptedOne(string name)
    {
        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore(interrupt, interruptAfter: 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => MatchingProblem.Method(name).DistillAsync(_problem.Request(checkpoints: store), interrupt.Token));
        Assert.Equal(1, store.LatestStep);

        using var resumed = await MatchingProblem.Method(name).DistillAsync(_problem.Request(checkpoints: store), CancellationToken.None);
        using var straight = await MatchingProblem.Method(name).DistillAsync(_problem.Request(), CancellationToken.None);

        Assert.Equal(2, store.LatestStep);
        Assert.True(resumed.Images.eq(straight.Images).all().item<bool>());
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

        var error = await Assert.ThrowsAsync<UserErrorException>(() => method.DistillAsync(_problem.Request(checkpoints: store), CancellationToken.None));

        Assert.Contains("iteration 2 of 5", error.Message);
        Assert.Contains("LearningRateImages", error.Message);
        Assert.Equal(1, store.LatestStep);
    }

    [Fact]
    public async Task BatchNormNetworksAreMatchedWithFrozenStatistics()
    {
        using var set = await MatchingProblem.Method("dc").DistillAsync(_problem.Request(architecture: "convnet:d1-w8-batchnorm"), CancellationToken.None);
        Assert.True(set.Images.isfinite().all().item<bool>());
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
            Assert.True(distances.min().item<float>() < 1e-5, $"class {label}");
        }
    }
}
