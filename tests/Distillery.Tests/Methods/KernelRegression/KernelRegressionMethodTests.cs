using Distillery.Methods;
using Distillery.Methods.KernelRegression;
using Distillery.Randomness;
using Distillery.Tests.Kit;
using Distillery.Tests.Methods.DistributionMatching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.KernelRegression;

public sealed class KernelRegressionMethodTests
{
    [Fact]
    public void TheLossFallsAndBothImagesAndLabelsChange()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options();
        options.PoolSize = 1;
        options.TrainStepsPerIteration = 0;
        options.BatchReal = 64;
        var request = FrepoRuns.Request(data);
        using var state = KernelRegressionState.Initialise(new SmallConvNets(), request, options, Formation.None);
        using var startImages = state.Images.detach().clone();
        using var startLogits = state.Logits.detach().clone();
        var step = new KernelRegressionStep(request, options, options.ParseAugmentation());

        var losses = Enumerable.Range(1, 12).Select(iteration => step.Run(state, iteration).Loss).ToList();

        losses[^1].Should().BeLessThan(0.8 * losses[0], $"the losses were {string.Join(", ", losses)}");
        (state.Images.detach() - startImages).abs().max().item<float>().Should().BeGreaterThan(0.1f);
        (state.Logits.detach() - startLogits).abs().max().item<float>().Should().BeGreaterThan(0.1f);
    }

    [Fact]
    public async Task TheSetCarriesLearnedSoftLabelsThatAreProbabilities()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);

        using var set = await FrepoRuns.RunAsync(FrepoRuns.Options(), FrepoRuns.Request(data));

        set.Images.shape.Should().Equal([4L, 1, 8, 8]);
        set.Labels.data<long>().ToArray().Should().Equal([0L, 0, 1, 1]);
        set.SoftLabels.Should().NotBeNull();
        var soft = set.SoftLabels!;
        soft.shape.Should().Equal([4L, 2]);
        (soft.min().item<float>() >= 0).Should().BeTrue();
        (soft.sum(1) - 1).abs().max().item<float>().Should().BeLessThan(1e-5f);
        using var start = KernelRegressionState.StartingLogits(FrepoRuns.Request(data), 0.9).softmax(1);
        (soft - start).abs().max().item<float>().Should().BeGreaterThan(1e-3f, "the labels are learned");
        set.Provenance.Method.Should().Be("frepo");
        set.Provenance.Metrics["iterations"].Should().Be(4);
        set.Provenance.OptionsJson.Should().Contain("\"Ridge\"");
    }

    [Fact]
    public async Task LabelsStayAtTheirStartWhenNotLearned()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options(2);
        options.LearnLabels = false;

        using var set = await FrepoRuns.RunAsync(options, FrepoRuns.Request(data));

        set.SoftLabels![0, 0].item<float>().Should().BeApproximately(0.9f, 1e-6f);
    }

    [Fact]
    public void ThePoolStartsStaggeredAndRenewsANetworkAtItsAgeLimit()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options();
        options.PoolSize = 3;
        options.MaxOnlineSteps = 4;
        var request = FrepoRuns.Request(data);
        var networks = new SmallConvNets();
        using var state = KernelRegressionState.Initialise(networks, request, options, Formation.None);
        var pool = state.Pool;

        Enumerable.Range(0, 3).Select(i => pool[i].Age).Should().Equal([0, 1, 2]);
        pool.Created.Should().Be(3);
        Enumerable.Range(0, 3).Select(i => pool[i].Seed).Should().Equal(Enumerable.Range(0, 3).Select(i => SeedSequence.Derive(3, "frepo network", i)));

        pool.RenewIfOld(2).Should().BeFalse();
        var (images, targets) = state.TrainingSet();
        using (images)
        using (targets)
        {
            pool[2].Train(images, targets, 2);
        }

        pool[2].Age.Should().Be(4);
        pool.RenewIfOld(2).Should().BeTrue();
        pool[2].Age.Should().Be(0);
        pool[2].Seed.Should().Be(SeedSequence.Derive(3, "frepo network", 3));
        pool.Created.Should().Be(4);
        pool.Resets.Should().Be(1);
        networks.Created.Should().Be(4);
        pool.RenewIfOld(1).Should().BeFalse();
    }

    [Fact]
    public async Task ARunResetsNetworksAsTheyAge()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options(8);
        options.MaxOnlineSteps = 2;

        using var set = await FrepoRuns.RunAsync(options, FrepoRuns.Request(data));

        // 8 training steps over two networks aged 0 and 1 at the start: at least three reach the limit of 2.
        set.Provenance.Metrics["networks_reset"].Should().BeGreaterThanOrEqualTo(3);
        set.Provenance.Metrics["networks_made"].Should().Be(2 + set.Provenance.Metrics["networks_reset"]);
    }

    [Fact]
    public async Task ARunResumedFromItsCheckpointEndsAsAnUninterruptedOne()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options(6);
        options.MaxOnlineSteps = 2;
        using var whole = await FrepoRuns.RunAsync(options, FrepoRuns.Request(data));

        var first = FrepoRuns.Options(2);
        first.MaxOnlineSteps = 2;
        using var checkpoints = new MemoryCheckpointStore();
        using (await FrepoRuns.RunAsync(first, FrepoRuns.Request(data, checkpoints)))
        {
            checkpoints.LatestStep.Should().Be(2);
        }

        using var resumed = await FrepoRuns.RunAsync(options, FrepoRuns.Request(data, checkpoints));
        checkpoints.SavedSteps.Should().Equal([2, 4, 6]);
        resumed.Images.Should().BeBitEqualTo(whole.Images);
        resumed.SoftLabels!.Should().BeBitEqualTo(whole.SoftLabels!);
        resumed.Provenance.Metrics["networks_reset"].Should().Be(whole.Provenance.Metrics["networks_reset"]);
    }

    [Fact]
    public async Task WithFactorTwoTheLossSeesDecodedImagesAndTheSetRecordsTheFormation()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options(2);
        options.Factor = 2;

        using var set = await FrepoRuns.RunAsync(options, FrepoRuns.Request(data));

        set.Images.shape.Should().Equal([4L, 1, 8, 8]);
        set.SoftLabels!.shape.Should().Equal([4L, 2]);
        set.Formation.Factor.Should().Be(2);
        set.Images.isfinite().all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task AFactorThatDoesNotDivideTheImageIsAUserError()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options(2);
        options.Factor = 3;

        var run = () => FrepoRuns.RunAsync(options, FrepoRuns.Request(data));

        await run.Should().ThrowAsync<UserErrorException>().WithMessage("*Methods:frepo:Factor*");
    }

    [Fact]
    public async Task StoppingWhileTheStartingPoolTrainsStopsAtOnceAndKeepsNothing()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options();
        options.PoolSize = 3;
        options.MaxOnlineSteps = 30;
        using var cancel = new CancellationTokenSource();
        var networks = new CancellingNetworks(cancel, cancelAt: 2);
        using var checkpoints = new MemoryCheckpointStore();
        var method = new KernelRegressionMethod(networks, Microsoft.Extensions.Options.Options.Create(options));

        var run = () => method.DistillAsync(FrepoRuns.Request(data, checkpoints), cancel.Token);

        (await run.Should().ThrowAsync<RunStoppedException>()).Which.Message.Should().Contain("before anything could be kept");
        networks.Created.Should().Be(2, "the stop comes before the second network's first training step, not after the starting pool");
        checkpoints.Saves.Should().Be(0);
    }

    [Fact]
    public async Task ADivergedStepIsAUserErrorThatNamesTheSetting()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = FrepoRuns.Options(6);
        options.LearningRateImages = 1e30;

        var run = () => FrepoRuns.RunAsync(options, FrepoRuns.Request(data));

        await run.Should().ThrowAsync<UserErrorException>().WithMessage("*--Methods:frepo:LearningRateImages*");
    }

    /// <summary>Builds small ConvNets and cancels a token when asked for the network number <c>cancelAt</c>.</summary>
    private sealed class CancellingNetworks(CancellationTokenSource cancel, int cancelAt) : Distillery.Networks.INetworkFactory
    {
        private readonly SmallConvNets _inner = new();

        public int Created => _inner.Created;

        public Distillery.Networks.Network Create(string architecture, Distillery.Data.DatasetInfo dataset, long seed, Device device)
        {
            var network = _inner.Create(architecture, dataset, seed, device);
            if (_inner.Created == cancelAt)
            {
                cancel.Cancel();
            }

            return network;
        }
    }
}
