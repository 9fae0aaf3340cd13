using Distillery.Learning;
using Distillery.Methods.DistributionMatching;
using Distillery.Tests.Kit;
using Distillery.Tests.Training;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>Whole DM runs on generated data.</summary>
public sealed class DistributionMatchingMethodTests
{
    [Fact]
    public async Task TheLossOnAFixedPanelOfNetworksFalls()
    {
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 40);
        var request = DmRuns.Request(data);
        using var start = DistributionMatchingState.Initialise(request, options);
        using var learned = await DmRuns.RunAsync(options, request);

        var before = PanelLoss(start.Images, data);
        var after = PanelLoss(learned.Images, data);
        after.Should().BeLessThan(0.8 * before, $"mean loss over the panel {before:F4} before, {after:F4} after 40 iterations");
    }

    [Fact]
    public async Task AShortRunBeatsItsRealImageInitialisationOnHeldOutData()
    {
        // Noisy classes: one real image per class is a poor class mean (about 0.67 nearest-mean accuracy on this
        // fixture), the true class means score 0.97; 40 iterations of DM reach about 0.78.
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 40);
        var request = DmRuns.Request(data);
        using var start = DistributionMatchingState.Initialise(request, options);
        using var learned = await DmRuns.RunAsync(options, request);

        var before = TwoClassProblem.NearestMeanAccuracy(start.Images, start.Labels, data.Test);
        var after = TwoClassProblem.NearestMeanAccuracy(learned.Images, learned.Labels, data.Test);
        after.Should().BeGreaterThanOrEqualTo(before + 0.05, $"held-out accuracy {before:F3} at the real initialisation, {after:F3} after 40 iterations");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AnInterruptedRunResumesToTheSameImagesAsAnUninterruptedOne(int factor)
    {
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 6, augmentation: DistributionMatchingOptions.ReferenceAugmentation);
        options.CheckpointEvery = 2;
        options.Factor = factor;
        using var start = DistributionMatchingState.Initialise(DmRuns.Request(data, imagesPerClass: 2), options);

        using var straight = await DmRuns.RunAsync(options, DmRuns.Request(data, imagesPerClass: 2));

        using var interrupt = new CancellationTokenSource();
        using var store = new MemoryCheckpointStore(interrupt, interruptAfter: 1);
        await FluentActions.Awaiting(() => DmRuns.RunAsync(options, DmRuns.Request(data, imagesPerClass: 2, checkpoints: store), cancellationToken: interrupt.Token)).Should().ThrowAsync<OperationCanceledException>();
        store.SavedSteps.Should().Equal([2]);

        var progress = new RecordingProgress();
        using var resumed = await DmRuns.RunAsync(options, DmRuns.Request(data, imagesPerClass: 2, checkpoints: store, progress: progress));

        store.SavedSteps.Should().Equal([2, 4, 6]);
        progress.Advanced.Should().Be(6);
        DmRuns.Identical(resumed.Images, straight.Images).Should().BeTrue("resumed images differ from the uninterrupted run's");
        DmRuns.Identical(resumed.Images, start.Images).Should().BeFalse();
        resumed.Formation.Factor.Should().Be(factor);
        straight.Formation.Factor.Should().Be(factor);
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameImagesAndAnotherSeedOthers()
    {
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 4, augmentation: DistributionMatchingOptions.ReferenceAugmentation);

        using var first = await DmRuns.RunAsync(options, DmRuns.Request(data, seed: 8));
        using var again = await DmRuns.RunAsync(options, DmRuns.Request(data, seed: 8));
        using var other = await DmRuns.RunAsync(options, DmRuns.Request(data, seed: 9));

        DmRuns.Identical(first.Images, again.Images).Should().BeTrue();
        DmRuns.Identical(first.Images, other.Images).Should().BeFalse();
    }

    [Fact]
    public async Task ANaNLossStopsWithTheIterationAndKeepsOnlyFiniteCheckpoints()
    {
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 10);
        options.CheckpointEvery = 2;
        using var store = new MemoryCheckpointStore();

        var error = (await FluentActions.Awaiting(() => DmRuns.RunAsync(options, DmRuns.Request(data, checkpoints: store), new PoisoningNetworks(poisonedCreation: 5))).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("iteration 5");
        error.Message.Should().Contain("LearningRateImages");
        store.SavedSteps.Should().Equal([2, 4]);
        store.SavedFinite.Should().OnlyContain(finite => finite);
        using var kept = await store.LoadAsync(CancellationToken.None);
        kept!.Step.Should().Be(4);
    }

    [Fact]
    public async Task TheSetHasFixedLabelsProvenanceAndReportsProgressWithTheLoss()
    {
        using var data = TwoClassProblem.Create();
        var progress = new RecordingProgress();
        var options = DmRuns.Options(iterations: 3);

        using var set = await DmRuns.RunAsync(options, DmRuns.Request(data, imagesPerClass: 3, seed: 5, progress: progress));

        set.Images.shape.Should().Equal([6L, 1, 8, 8]);
        set.Labels.data<long>().ToArray().Should().Equal([0L, 0, 0, 1, 1, 1]);
        set.Images.requires_grad.Should().BeFalse();
        set.Provenance.Method.Should().Be("dm");
        set.Provenance.Architecture.Should().Be(DmRuns.Network);
        set.Provenance.Seed.Should().Be(5);
        set.Provenance.Metrics["iterations"].Should().Be(3);
        double.IsFinite(set.Provenance.Metrics["loss"]).Should().BeTrue();
        progress.Tasks.Should().ContainSingle().Which.Total.Should().Be(3);
        progress.Advanced.Should().Be(3);
        progress.Descriptions.Should().Contain(d => d.Contains("iteration 3/3, loss ", StringComparison.Ordinal));
    }

    [Fact]
    public void RealInitialisationTakesDistinctRealImagesOfEachClassAndNoiseDoesNot()
    {
        using var data = TwoClassProblem.Create();
        var request = DmRuns.Request(data, imagesPerClass: 3);
        using var real = DistributionMatchingState.Initialise(request, DmRuns.Options(1));
        var noiseOptions = DmRuns.Options(1);
        noiseOptions.Init = SyntheticInit.Noise;
        using var noise = DistributionMatchingState.Initialise(request, noiseOptions);

        using var flat = data.Train.Images.flatten(1);
        for (var row = 0; row < 6; row++)
        {
            using var distances = (flat - real.Images[row].detach().flatten()).abs().sum(1);
            var nearest = distances.argmin().item<long>();
            distances[nearest].item<float>().Should().Be(0f);
            data.Train.Labels[nearest].item<long>().Should().Be(row / 3);
            using var noiseDistances = (flat - noise.Images[row].detach().flatten()).abs().sum(1);
            noiseDistances.min().item<float>().Should().BeGreaterThan(1f);
        }

        real.Images.unique(dim: 0).Item1.shape[0].Should().Be(6);
        real.Images.requires_grad.Should().BeTrue();
    }

    [Fact]
    public async Task ABatchNormNetworkTrainsWithAllClassesInOnePass()
    {
        using var data = TwoClassProblem.Create();
        var request = DmRuns.Request(data, imagesPerClass: 2, architecture: "convnet:d1-w8-batchnorm");

        using var set = await DmRuns.RunAsync(DmRuns.Options(3), request);

        set.Images.isfinite().all().item<bool>().Should().BeTrue();
        double.IsFinite(set.Provenance.Metrics["loss"]).Should().BeTrue();
    }

    [Fact]
    public void TheBatchedLossEqualsTheReferenceLoopOverClasses()
    {
        using var inputs = new MatchingInputs();
        var (network, real, synthetic, augmentation) = (inputs.Network, inputs.Real, inputs.Synthetic, inputs.Augmentation);
        var (realSegments, syntheticSegments) = (inputs.RealSegments, inputs.SyntheticSegments);

        var batched = MeanEmbeddingDistance.Compute(network, real, realSegments, synthetic, syntheticSegments, augmentation);

        // The reference: class by class, each class's draw on its own real and synthetic images.
        var looped = torch.zeros(1);
        for (var label = 0; label < 2; label++)
        {
            var realClass = augmentation.Apply(real, realSegments).narrow(0, label * 16, 16);
            var syntheticClass = augmentation.Apply(synthetic, syntheticSegments).narrow(0, label * 3, 3);
            var difference = network.Embed(realClass).mean([0]) - network.Embed(syntheticClass).mean([0]);
            looped = looped + difference.pow(2).sum();
        }

        ((double)batched.item<float>()).Should().BeApproximately(looped.item<float>(), 5e-4);
        var batchedGradient = torch.autograd.grad([batched], [synthetic])[0];
        var loopedGradient = torch.autograd.grad([looped], [synthetic])[0];
        batchedGradient.allclose(loopedGradient, rtol: 1e-4, atol: 1e-6).Should().BeTrue();
    }

    [Fact]
    public void EmbeddingInSlicesGivesTheLossAndGradientOfWholeBatches()
    {
        using var inputs = new MatchingInputs();
        var (network, real, synthetic, augmentation) = (inputs.Network, inputs.Real, inputs.Synthetic, inputs.Augmentation);
        var (realSegments, syntheticSegments) = (inputs.RealSegments, inputs.SyntheticSegments);

        BatchSlicing.SliceFor(network, torch.CPU, configured: 5).Should().Be(5);
        var whole = MeanEmbeddingDistance.Compute(network, real, realSegments, synthetic, syntheticSegments, augmentation, chunk: 0);
        var sliced = MeanEmbeddingDistance.Compute(network, real, realSegments, synthetic, syntheticSegments, augmentation, chunk: 5);

        ((double)sliced.item<float>()).Should().BeApproximately(whole.item<float>(), 5e-5);
        var wholeGradient = torch.autograd.grad([whole], [synthetic])[0];
        var slicedGradient = torch.autograd.grad([sliced], [synthetic])[0];
        wholeGradient.allclose(slicedGradient, rtol: 1e-4, atol: 1e-6).Should().BeTrue();
    }

    [Fact]
    public void NetworksWithBatchNormalizationAreNeverEmbeddedInSlices()
    {
        using var data = TwoClassProblem.Create();
        using var batchNorm = new SmallConvNets().Create("convnet:d1-w8-batchnorm", data.Info, 0, torch.CPU);
        using var instanceNorm = new SmallConvNets().Create(DmRuns.Network, data.Info, 0, torch.CPU);

        BatchSlicing.SliceFor(batchNorm, torch.CPU, configured: 4).Should().Be(0);
        BatchSlicing.SliceFor(instanceNorm, torch.CPU, configured: 0).Should().Be(BatchSlicing.DefaultCpuSlice);
    }

    [Fact]
    public void IterationsLeaveNoTensorsBehind()
    {
        using var data = TwoClassProblem.Create();
        var options = DmRuns.Options(iterations: 12, augmentation: DistributionMatchingOptions.ReferenceAugmentation);
        var request = DmRuns.Request(data, imagesPerClass: 2);
        using var state = DistributionMatchingState.Initialise(request, options);
        using var sampler = new ClassBatchSampler(data.Train);
        using var realSegments = new ClassSegments(sampler.CountsPerClass(options.BatchReal), torch.CPU);
        using var segments = new ClassSegments([2, 2], torch.CPU);
        var step = new DistributionMatchingStep(new SmallConvNets(), request, options.ParseAugmentation(), sampler, realSegments, segments);

        step.Run(state, 1);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var iteration = 2; iteration <= 12; iteration++)
        {
            step.Run(state, iteration);
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(live);
    }

    private static double PanelLoss(Tensor images, Distillery.Data.DatasetSplits data)
    {
        using var sampler = new ClassBatchSampler(data.Train);
        using var realSegments = new ClassSegments(sampler.CountsPerClass(1000), torch.CPU);
        using var segments = new ClassSegments([images.shape[0] / 2, images.shape[0] / 2], torch.CPU);
        using var generator = new Generator(0);
        using var none = ClassWiseAugmentation.Draw(Distillery.Augmentation.AugmentationStrategy.None, 2, 8, 8, generator, torch.CPU);
        using var real = sampler.DrawEveryClass(realSegments.Counts, generator);
        var total = 0.0;
        for (var seed = 100; seed < 110; seed++)
        {
            using var scope = torch.NewDisposeScope();
            using var network = new SmallConvNets().Create(DmRuns.Network, data.Info, seed, torch.CPU);
            network.train();
            total += MeanEmbeddingDistance.Compute(network, real, realSegments, images.detach(), segments, none).item<float>();
        }

        return total / 10;
    }

    /// <summary>Two classes of 16 real and 3 synthetic 8×8 images, a seeded small ConvNet and one siamese draw per class.</summary>
    private sealed class MatchingInputs : IDisposable
    {
        private readonly Distillery.Data.DatasetSplits _data = TwoClassProblem.Create();
        private readonly DisposeScope _scope;

        public MatchingInputs()
        {
            var strategy = Distillery.Augmentation.AugmentationStrategy.Parse(DistributionMatchingOptions.ReferenceAugmentation);
            Sampler = new ClassBatchSampler(_data.Train);
            RealSegments = new ClassSegments(Sampler.CountsPerClass(16), torch.CPU);
            SyntheticSegments = new ClassSegments([3, 3], torch.CPU);
            Network = new SmallConvNets().Create(DmRuns.Network, _data.Info, 1, torch.CPU);
            Network.train();
            _scope = torch.NewDisposeScope();
            using var generator = new Generator(4);
            Real = Sampler.DrawEveryClass(RealSegments.Counts, generator);
            Synthetic = torch.randn([6, 1, 8, 8], generator: generator).requires_grad_(true);
            Augmentation = ClassWiseAugmentation.Draw(strategy, 2, 8, 8, generator, torch.CPU);
        }

        public ClassBatchSampler Sampler { get; }

        public ClassSegments RealSegments { get; }

        public ClassSegments SyntheticSegments { get; }

        public Distillery.Networks.Network Network { get; }

        public Tensor Real { get; }

        public Tensor Synthetic { get; }

        public ClassWiseAugmentation Augmentation { get; }

        public void Dispose()
        {
            Augmentation.Dispose();
            _scope.Dispose();
            Network.Dispose();
            SyntheticSegments.Dispose();
            RealSegments.Dispose();
            Sampler.Dispose();
            _data.Dispose();
        }
    }
}
