using Distillery.Methods.TrajectoryMatching;
using Distillery.Methods.TrajectoryMatching.Experts;
using Distillery.Storage;
using Distillery.Tests.Kit;
using Distillery.Tests.Methods.DistributionMatching;

namespace Distillery.Tests.Methods.TrajectoryMatching;

public sealed class TrajectoryMatchingMethodTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();
    private readonly LiteDbWorkspaceStore _workspace;

    public TrajectoryMatchingMethodTests() => _workspace = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });

    private IArtifactStore Artifacts => _workspace.For(ExpertStore.Owner);

    public void Dispose()
    {
        _workspace.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task ExpertsAreStoredOnceAndReusedByTheNextRun()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var first = new SmallConvNets();
        using var set = await TmRuns.Mtt(Artifacts, TmRuns.Options<MttOptions>(), first).DistillAsync(TmRuns.Request(data), CancellationToken.None);
        set.Provenance.Metrics["experts_trained"].Should().Be(2);
        set.Provenance.Metrics["expert_seconds"].Should().BeGreaterThan(0);
        first.Created.Should().Be(3, "one network for the layout, one per expert");

        var store = new ExpertStore(Artifacts);
        var settings = ExpertTrajectories.SettingsFor(TmRuns.Request(data), TmRuns.Options<MttOptions>(), LayoutOf(data));
        var stored = await store.ListAsync(settings, CancellationToken.None);
        stored.Select(expert => expert.Index).Should().Equal([0, 1]);
        using (var trajectory = await store.ReadTrajectoryAsync(settings, 0, CancellationToken.None))
        {
            trajectory.shape.Should().Equal([3L, LayoutOf(data).Size]);
        }

        // tesla with the same expert settings and another seed reuses them: no expert network is built again.
        var second = new SmallConvNets();
        using var again = await TmRuns.Tesla(Artifacts, TmRuns.Options<TeslaOptions>(), second).DistillAsync(TmRuns.Request(data, seed: 9), CancellationToken.None);
        again.Provenance.Metrics["experts_trained"].Should().Be(0);
        again.Provenance.Metrics["expert_seconds"].Should().Be(0);
        second.Created.Should().Be(1);
        (await store.ListAsync(settings, CancellationToken.None)).Select(expert => expert.Seconds).Should().Equal(stored.Select(expert => expert.Seconds));

        // Other optimiser settings are other experts.
        var other = TmRuns.Options<MttOptions>();
        other.ExpertLearningRate = 0.02;
        var third = new SmallConvNets();
        using var retrained = await TmRuns.Mtt(Artifacts, other, third).DistillAsync(TmRuns.Request(data), CancellationToken.None);
        retrained.Provenance.Metrics["experts_trained"].Should().Be(2);
    }

    [Fact]
    public async Task TheSetKeepsItsLearnedLearningRateAndMttAndTeslaLearnAlike()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        using var mtt = await TmRuns.Mtt(Artifacts, TmRuns.Options<MttOptions>(3)).DistillAsync(TmRuns.Request(data), CancellationToken.None);
        using var tesla = await TmRuns.Tesla(Artifacts, TmRuns.Options<TeslaOptions>(3)).DistillAsync(TmRuns.Request(data), CancellationToken.None);

        mtt.LearnedLearningRate.Should().NotBeNull();
        mtt.LearnedLearningRate.Should().NotBe((double)0.01f, "the learning rate is learned");
        mtt.Images.shape.Should().Equal([4L, 1, 8, 8]);
        mtt.Provenance.Method.Should().Be("mtt");
        tesla.Provenance.Method.Should().Be("tesla");
        Gap.Relative(tesla.Images, mtt.Images).Should().BeLessThan(1e-4);
        tesla.LearnedLearningRate!.Value.Should().BeApproximately(mtt.LearnedLearningRate!.Value, 1e-6);
    }

    [Fact]
    public async Task ARunResumedFromItsCheckpointEndsAsAnUninterruptedOne()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        using var whole = await TmRuns.Tesla(Artifacts, TmRuns.Options<TeslaOptions>(4)).DistillAsync(TmRuns.Request(data), CancellationToken.None);

        using var checkpoints = new MemoryCheckpointStore();
        using (await TmRuns.Tesla(Artifacts, TmRuns.Options<TeslaOptions>(2)).DistillAsync(TmRuns.Request(data, checkpoints), CancellationToken.None))
        {
            checkpoints.LatestStep.Should().Be(2);
        }

        using var resumed = await TmRuns.Tesla(Artifacts, TmRuns.Options<TeslaOptions>(4)).DistillAsync(TmRuns.Request(data, checkpoints), CancellationToken.None);
        checkpoints.SavedSteps.Should().Equal([2, 4]);
        resumed.Images.Should().BeBitEqualTo(whole.Images);
        resumed.LearnedLearningRate.Should().Be(whole.LearnedLearningRate);
    }

    [Fact]
    public async Task ADivergedStepIsAUserErrorThatNamesTheSetting()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        var options = TmRuns.Options<MttOptions>(3);
        options.LearningRateImages = 1e30;
        options.LearningRateLr = 1;
        var run = () => TmRuns.Mtt(Artifacts, options).DistillAsync(TmRuns.Request(data), CancellationToken.None);
        await run.Should().ThrowAsync<UserErrorException>().WithMessage("*diverged*--Methods:mtt:LearningRateImages*");
    }

    [Fact]
    public async Task StoppingWhileExpertsTrainKeepsTheFinishedOnes()
    {
        using var data = TwoClassProblem.Create(trainCount: 64, testCount: 8);
        using var cancel = new CancellationTokenSource();
        var networks = new CancellingNetworks(cancel, cancelAt: 3);
        var method = new MttMethod(networks, new ExpertTrajectories(new ExpertStore(Artifacts), new ExpertTrainer(networks)), Microsoft.Extensions.Options.Options.Create(TmRuns.Options<MttOptions>()));

        var run = () => method.DistillAsync(TmRuns.Request(data), cancel.Token);
        (await run.Should().ThrowAsync<Distillery.Methods.RunStoppedException>()).Which.Kept.Should().Be("every finished expert (1 of 2)");

        var settings = ExpertTrajectories.SettingsFor(TmRuns.Request(data), TmRuns.Options<MttOptions>(), LayoutOf(data));
        (await new ExpertStore(Artifacts).ListAsync(settings, CancellationToken.None)).Select(expert => expert.Index).Should().Equal([0]);
    }

    private static Distillery.Methods.TrajectoryMatching.Functional.ParameterLayout LayoutOf(Distillery.Data.DatasetSplits data)
    {
        using var network = new SmallConvNets().Create(TmRuns.Network, data.Info, 0, TorchSharp.torch.CPU);
        return Distillery.Methods.TrajectoryMatching.Functional.ParameterLayout.Of(network);
    }

    /// <summary>Builds small ConvNets and cancels a token when asked for the network number <c>cancelAt</c>: a stop while that expert trains.</summary>
    private sealed class CancellingNetworks(CancellationTokenSource cancel, int cancelAt) : Distillery.Networks.INetworkFactory
    {
        private readonly SmallConvNets _inner = new();

        public Distillery.Networks.Network Create(string architecture, Distillery.Data.DatasetInfo dataset, long seed, TorchSharp.torch.Device device)
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
