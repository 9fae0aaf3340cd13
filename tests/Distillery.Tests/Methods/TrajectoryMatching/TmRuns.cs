using Distillery.Data;
using Distillery.Methods;
using Distillery.Methods.TrajectoryMatching;
using Distillery.Methods.TrajectoryMatching.Experts;
using Distillery.Storage;
using Distillery.Tests.Methods.DistributionMatching;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.TrajectoryMatching;

/// <summary>Short trajectory-matching runs on generated data with a small ConvNet and a workspace in a temporary folder.</summary>
internal static class TmRuns
{
    public const string Network = "convnet:d1-w8";

    public static T Options<T>(int iterations = 2)
        where T : TrajectoryMatchingOptions, new() => new()
        {
            Iterations = iterations,
            SyntheticSteps = 3,
            ExpertEpochs = 1,
            MaxStartEpoch = 1,
            Experts = 2,
            ExpertTrainingEpochs = 2,
            ExpertBatch = 32,
            LearningRateImages = 10,
            LearningRateLr = 1e-7,
            Augmentation = "none",
            ExpertAugmentation = "none",
            CheckpointEvery = 2,
        };

    public static DistillationRequest Request(DatasetSplits data, ICheckpointStore? checkpoints = null, long seed = 3) => new()
    {
        Dataset = data.Info,
        Train = data.Train,
        ImagesPerClass = 2,
        Architecture = Network,
        Seed = seed,
        Device = CPU,
        Checkpoints = checkpoints ?? NullCheckpointStore.Instance,
    };

    public static IDistillationMethod Mtt(IArtifactStore artifacts, MttOptions options, SmallConvNets? networks = null)
    {
        var factory = networks ?? new SmallConvNets();
        return new MttMethod(factory, Experts(artifacts, factory), Microsoft.Extensions.Options.Options.Create(options));
    }

    public static IDistillationMethod Tesla(IArtifactStore artifacts, TeslaOptions options, SmallConvNets? networks = null)
    {
        var factory = networks ?? new SmallConvNets();
        return new TeslaMethod(factory, Experts(artifacts, factory), Microsoft.Extensions.Options.Options.Create(options));
    }

    private static ExpertTrajectories Experts(IArtifactStore artifacts, SmallConvNets networks) =>
        new(new ExpertStore(artifacts), new ExpertTrainer(networks));
}

/// <summary>How far two tensors are apart, relative to the larger of the expected's largest value and 1e-12.</summary>
internal static class Gap
{
    public static double Relative(Tensor actual, Tensor expected)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        actual.shape.Should().Equal(expected.shape);
        var difference = (actual.detach().to_type(ScalarType.Float64) - expected.detach().to_type(ScalarType.Float64)).abs().max().item<double>();
        var scale = Math.Max(expected.detach().abs().max().to_type(ScalarType.Float64).item<double>(), 1e-12);
        return difference / scale;
    }
}
