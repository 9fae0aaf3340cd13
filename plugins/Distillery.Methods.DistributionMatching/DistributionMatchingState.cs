using System.Text.Json;
using Distillery.Learning;
using Distillery.Randomness;
using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// Everything a run carries from one iteration to the next: the synthetic images, the optimizer's momentum buffer and
/// the number of iterations done. Each iteration draws its randomness from the run's seed and its own number, so no
/// generator state needs keeping: a run restored from a checkpoint continues exactly as an uninterrupted one.
/// </summary>
internal sealed class DistributionMatchingState : IDisposable
{
    private const string ImagesKey = "dm.images";
    private const string MomentumKey = "dm.momentum";

    private DistributionMatchingState(Tensor images, Tensor labels, MomentumSgd optimizer, int completed)
    {
        Images = images;
        Labels = labels;
        Optimizer = optimizer;
        Completed = completed;
    }

    /// <summary>The synthetic images <c>[classes × ipc, C, H, W]</c>, class after class; a leaf that requires grad.</summary>
    public Tensor Images { get; }

    /// <summary>The fixed labels <c>[0, …, 0, 1, …]</c>.</summary>
    public Tensor Labels { get; }

    public MomentumSgd Optimizer { get; }

    /// <summary>Iterations done so far.</summary>
    public int Completed { get; set; }

    public static DistributionMatchingState Initialise(DistillationRequest request, DistributionMatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        using var generator = new Generator((ulong)SeedSequence.Derive(request.Seed, "dm init"));
        var formation = new Formation(options.Factor);
        using var start = request.InitialImages is { } given ? given.alias()
            : options.Init == SyntheticInit.Real ? RealImageStart.Draw(request, formation, generator, "Use a smaller --ipc or Factor, or --Methods:dm:Init=noise.")
            : Noise(request, generator);
        return Create(request, options, start, momentum: null, completed: 0);
    }

    public static DistributionMatchingState Restore(Checkpoint checkpoint, DistillationRequest request, DistributionMatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var shape = Shape(request);
        return Create(request, options, checkpoint.Require(ImagesKey, shape), checkpoint.Require(MomentumKey, shape), checkpoint.Step);
    }

    /// <summary>A checkpoint of the current state on the CPU, for <see cref="ICheckpointStore.SaveAsync"/> to own.</summary>
    public Checkpoint ToCheckpoint()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            [ImagesKey] = Images.detach().cpu().clone(),
            [MomentumKey] = Optimizer.Buffer.detach().cpu().clone(),
        };
        return new Checkpoint(Completed, tensors, JsonSerializer.Serialize(new { completed = Completed }));
    }

    /// <summary>Whether every image and momentum value is a finite number.</summary>
    public bool IsFinite()
    {
        using var scope = torch.NewDisposeScope();
        return Images.detach().isfinite().all().item<bool>() && Optimizer.Buffer.isfinite().all().item<bool>();
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Optimizer.Dispose();
    }

    private static DistributionMatchingState Create(
        DistillationRequest request, DistributionMatchingOptions options, Tensor images, Tensor? momentum, int completed)
    {
        var leaf = images.detach().to(request.Device).clone().requires_grad_(true);
        using var classes = torch.arange(request.Dataset.NumClasses, dtype: ScalarType.Int64, device: request.Device);
        var labels = classes.repeat_interleave(request.ImagesPerClass);
        var optimizer = momentum is null
            ? MomentumSgd.Fresh(leaf, options.LearningRateImages, options.Momentum)
            : new MomentumSgd(options.LearningRateImages, options.Momentum, momentum.detach().to(request.Device).clone());
        return new DistributionMatchingState(leaf, labels, optimizer, completed);
    }

    private static long[] Shape(DistillationRequest request) =>
        [(long)request.Dataset.NumClasses * request.ImagesPerClass, request.Dataset.Channels, request.Dataset.Height, request.Dataset.Width];

    private static Tensor Noise(DistillationRequest request, Generator generator) =>
        torch.randn(Shape(request), generator: generator);
}
