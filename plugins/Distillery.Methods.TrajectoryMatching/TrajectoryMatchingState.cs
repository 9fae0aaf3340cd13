using System.Text.Json;
using Distillery.Learning;
using Distillery.Randomness;
using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching;

/// <summary>
/// What a run carries from one iteration to the next: the synthetic images, the learned student learning rate, the
/// momentum buffers of both and the number of iterations done. Each iteration draws its randomness from the run's seed
/// and its own number, so a run restored from a checkpoint continues exactly as an uninterrupted one.
/// </summary>
internal sealed class TrajectoryMatchingState : IDisposable
{
    private const string ImagesKey = "tm.images";
    private const string ImagesMomentumKey = "tm.images_momentum";
    private const string RateKey = "tm.lr";
    private const string RateMomentumKey = "tm.lr_momentum";

    private TrajectoryMatchingState(Tensor images, Tensor labels, Tensor rate, MomentumSgd imageOptimizer, MomentumSgd rateOptimizer, int completed)
    {
        Images = images;
        Labels = labels;
        LearningRate = rate;
        ImageOptimizer = imageOptimizer;
        RateOptimizer = rateOptimizer;
        Completed = completed;
    }

    /// <summary>The synthetic images <c>[classes × ipc, C, H, W]</c>, class after class; a leaf that requires grad.</summary>
    public Tensor Images { get; }

    /// <summary>The fixed labels <c>[0, …, 0, 1, …]</c>.</summary>
    public Tensor Labels { get; }

    /// <summary>The student learning rate, a one-element leaf that requires grad.</summary>
    public Tensor LearningRate { get; }

    public MomentumSgd ImageOptimizer { get; }

    public MomentumSgd RateOptimizer { get; }

    /// <summary>Iterations done so far.</summary>
    public int Completed { get; set; }

    /// <summary>The current student learning rate.</summary>
    public double Rate => LearningRate.detach().item<float>();

    public static TrajectoryMatchingState Initialise(DistillationRequest request, TrajectoryMatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        using var generator = new Generator((ulong)SeedSequence.Derive(request.Seed, "trajectory matching init"));
        using var start = request.InitialImages is { } given ? given.alias()
            : options.Init == SyntheticInit.Real ? RealImageStart.Draw(
                request,
                new Formation(options.Factor),
                generator,
                $"Use a smaller --ipc or {options.Setting(nameof(options.Factor))}, or {options.Setting(nameof(options.Init))}=noise.")
            : torch.randn(Shape(request), generator: generator);
        using var rate = torch.tensor(new[] { (float)options.StudentLearningRate });
        return Create(request, options, start, null, rate, null, completed: 0);
    }

    public static TrajectoryMatchingState Restore(Checkpoint checkpoint, DistillationRequest request, TrajectoryMatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var shape = Shape(request);
        return Create(
            request,
            options,
            checkpoint.Require(ImagesKey, shape),
            checkpoint.Require(ImagesMomentumKey, shape),
            checkpoint.Require(RateKey, [1]),
            checkpoint.Require(RateMomentumKey, [1]),
            checkpoint.Step);
    }

    /// <summary>A checkpoint of the current state on the CPU, for <see cref="ICheckpointStore.SaveAsync"/> to own.</summary>
    public Checkpoint ToCheckpoint()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            [ImagesKey] = Images.detach().cpu().clone(),
            [ImagesMomentumKey] = ImageOptimizer.Buffer.detach().cpu().clone(),
            [RateKey] = LearningRate.detach().cpu().clone(),
            [RateMomentumKey] = RateOptimizer.Buffer.detach().cpu().clone(),
        };
        return new Checkpoint(Completed, tensors, JsonSerializer.Serialize(new { completed = Completed, lr = Rate }));
    }

    /// <summary>Whether the images, the learning rate and their momentum are finite, and the learning rate positive.</summary>
    public bool IsSound()
    {
        using var scope = torch.NewDisposeScope();
        return Images.detach().isfinite().all().item<bool>()
            && ImageOptimizer.Buffer.isfinite().all().item<bool>()
            && RateOptimizer.Buffer.isfinite().all().item<bool>()
            && double.IsFinite(Rate) && Rate > 0;
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        LearningRate.Dispose();
        ImageOptimizer.Dispose();
        RateOptimizer.Dispose();
    }

    private static TrajectoryMatchingState Create(
        DistillationRequest request,
        TrajectoryMatchingOptions options,
        Tensor images,
        Tensor? imagesMomentum,
        Tensor rate,
        Tensor? rateMomentum,
        int completed)
    {
        var imageLeaf = images.detach().to(request.Device).clone().requires_grad_(true);
        var rateLeaf = rate.detach().to(ScalarType.Float32).to(request.Device).clone().requires_grad_(true);
        using var classes = torch.arange(request.Dataset.NumClasses, dtype: ScalarType.Int64, device: request.Device);
        var labels = classes.repeat_interleave(request.ImagesPerClass);
        var imageOptimizer = imagesMomentum is null
            ? MomentumSgd.Fresh(imageLeaf, options.LearningRateImages, options.Momentum)
            : new MomentumSgd(options.LearningRateImages, options.Momentum, imagesMomentum.detach().to(request.Device).clone());
        var rateOptimizer = rateMomentum is null
            ? MomentumSgd.Fresh(rateLeaf, options.LearningRateLr, options.Momentum)
            : new MomentumSgd(options.LearningRateLr, options.Momentum, rateMomentum.detach().to(ScalarType.Float32).to(request.Device).clone());
        return new TrajectoryMatchingState(imageLeaf, labels, rateLeaf, imageOptimizer, rateOptimizer, completed);
    }

    private static long[] Shape(DistillationRequest request) =>
        [(long)request.Dataset.NumClasses * request.ImagesPerClass, request.Dataset.Channels, request.Dataset.Height, request.Dataset.Width];
}
