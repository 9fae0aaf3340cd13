using Distillery.Data;
using Distillery.Methods;
using Distillery.Methods.DistributionMatching;
using Distillery.Progress;
using Distillery.Storage;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>Short DM runs on generated data with a small ConvNet.</summary>
internal static class DmRuns
{
    public const string Network = "convnet:d1-w8";

    public static DistributionMatchingOptions Options(int iterations, string augmentation = "none") => new()
    {
        Iterations = iterations,
        BatchReal = 32,
        Augmentation = augmentation,
        CheckpointEvery = 2,
    };

    public static DistillationRequest Request(
        DatasetSplits data,
        int imagesPerClass = 1,
        long seed = 3,
        ICheckpointStore? checkpoints = null,
        IProgressReporter? progress = null,
        string architecture = Network) => new()
        {
            Dataset = data.Info,
            Train = data.Train,
            ImagesPerClass = imagesPerClass,
            Architecture = architecture,
            Seed = seed,
            Device = torch.CPU,
            Checkpoints = checkpoints ?? NullCheckpointStore.Instance,
            Progress = progress ?? NullProgressReporter.Instance,
        };

    public static Task<SyntheticSet> RunAsync(
        DistributionMatchingOptions options,
        DistillationRequest request,
        Distillery.Networks.INetworkFactory? networks = null,
        CancellationToken cancellationToken = default) =>
        new DistributionMatchingMethod(networks ?? new SmallConvNets(), Microsoft.Extensions.Options.Options.Create(options))
            .DistillAsync(request, cancellationToken);

    /// <summary>Same shape and bit-identical values.</summary>
    public static bool Identical(torch.Tensor a, torch.Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.detach().eq(b.detach()).all().item<bool>();
}
