using Distillery.Data;
using Distillery.Methods;
using Distillery.Methods.KernelRegression;
using Distillery.Storage;
using Distillery.Tests.Methods.DistributionMatching;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.KernelRegression;

/// <summary>Short FRePo runs on generated data with a small ConvNet.</summary>
internal static class FrepoRuns
{
    public const string Network = "convnet:d1-w8";

    public static KernelRegressionOptions Options(int iterations = 4) => new()
    {
        Iterations = iterations,
        PoolSize = 2,
        MaxOnlineSteps = 3,
        BatchReal = 32,
        LearningRateImages = 0.05,
        LearningRateLabels = 0.05,
        CheckpointEvery = 2,
    };

    public static DistillationRequest Request(DatasetSplits data, ICheckpointStore? checkpoints = null, long seed = 3, int imagesPerClass = 2) => new()
    {
        Dataset = data.Info,
        Train = data.Train,
        ImagesPerClass = imagesPerClass,
        Architecture = Network,
        Seed = seed,
        Device = CPU,
        Checkpoints = checkpoints ?? NullCheckpointStore.Instance,
    };

    public static Task<SyntheticSet> RunAsync(KernelRegressionOptions options, DistillationRequest request, SmallConvNets? networks = null) =>
        new KernelRegressionMethod(networks ?? new SmallConvNets(), Microsoft.Extensions.Options.Options.Create(options))
            .DistillAsync(request, CancellationToken.None);
}
