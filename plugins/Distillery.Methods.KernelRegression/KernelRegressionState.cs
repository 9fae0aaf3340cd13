using System.Text.Json;
using Distillery.Learning;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Randomness;
using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// What a run carries from one iteration to the next: the synthetic images, the label logits (the soft labels are
/// their softmax), the Adam moments of both, the network pool and the number of iterations done. Each iteration draws
/// its randomness from the run's seed and its own number, so a run restored from a checkpoint continues exactly as an
/// uninterrupted one.
/// </summary>
internal sealed class KernelRegressionState : IDisposable
{
    private const string ImagesKey = "frepo.images";
    private const string ImagesFirstKey = "frepo.images_m";
    private const string ImagesSecondKey = "frepo.images_v";
    private const string LogitsKey = "frepo.logits";
    private const string LogitsFirstKey = "frepo.logits_m";
    private const string LogitsSecondKey = "frepo.logits_v";

    private KernelRegressionState(
        Tensor images, Tensor logits, Tensor labels, AdamMoments imageOptimizer, AdamMoments labelOptimizer, NetworkPool pool, Formation formation, int completed)
    {
        Images = images;
        Logits = logits;
        Labels = labels;
        ImageOptimizer = imageOptimizer;
        LabelOptimizer = labelOptimizer;
        Pool = pool;
        Formation = formation;
        Completed = completed;
    }

    /// <summary>The stored synthetic images <c>[classes × ipc, C, H, W]</c>, class after class; a leaf that requires grad.</summary>
    public Tensor Images { get; }

    /// <summary>The learned label logits <c>[classes × ipc, classes]</c>; a leaf that requires grad.</summary>
    public Tensor Logits { get; }

    /// <summary>The hard labels <c>[0, …, 0, 1, …]</c>: the class each image was made for.</summary>
    public Tensor Labels { get; }

    public AdamMoments ImageOptimizer { get; }

    public AdamMoments LabelOptimizer { get; }

    public NetworkPool Pool { get; }

    public Formation Formation { get; }

    /// <summary>Iterations done so far.</summary>
    public int Completed { get; set; }

    /// <summary>The soft labels, <c>softmax(Logits)</c>, differentiable with respect to the logits.</summary>
    public Tensor SoftLabels() => nn.functional.softmax(Logits, 1);

    /// <summary>The images and soft labels a network trains on: decoded by the formation, detached.</summary>
    public (Tensor Images, Tensor Targets) TrainingSet() => DecodedTrainingSet(Formation, Images, Logits);

    /// <exception cref="OperationCanceledException">The run was stopped while the starting pool trained.</exception>
    public static KernelRegressionState Initialise(
        INetworkFactory networks, DistillationRequest request, KernelRegressionOptions options, Formation formation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(formation);
        using var generator = new Generator((ulong)SeedSequence.Derive(request.Seed, "frepo init"));
        using var start = request.InitialImages is { } given ? given.alias()
            : options.Init == SyntheticInit.Real ? RealImageStart.Draw(
                request,
                formation,
                generator,
                $"Use a smaller --ipc or {KernelRegressionOptions.Setting(nameof(options.Factor))}, or {KernelRegressionOptions.Setting(nameof(options.Init))}=noise.")
            : torch.randn(Shape(request), generator: generator);
        using var logits = StartingLogits(request, options.LabelConfidence);
        return Create(networks, request, options, formation, start, logits, moments: null, record: null, tensors: null, cancellationToken);
    }

    public static KernelRegressionState Restore(
        Checkpoint checkpoint, INetworkFactory networks, DistillationRequest request, KernelRegressionOptions options, Formation formation)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var imageShape = Shape(request);
        long[] logitShape = [imageShape[0], request.Dataset.NumClasses];
        var images = checkpoint.Require(ImagesKey, imageShape);
        var logits = checkpoint.Require(LogitsKey, logitShape);
        var moments = (checkpoint.Require(ImagesFirstKey, imageShape), checkpoint.Require(ImagesSecondKey, imageShape),
            checkpoint.Require(LogitsFirstKey, logitShape), checkpoint.Require(LogitsSecondKey, logitShape));
        var record = JsonSerializer.Deserialize<StateRecord>(checkpoint.StateJson)
            ?? throw new InvalidDataException("The checkpoint's state document is empty; it was made by another run.");
        return Create(networks, request, options, formation, images, logits, moments, record, checkpoint.Tensors);
    }

    /// <summary>A checkpoint of the current state on the CPU, for <see cref="ICheckpointStore.SaveAsync"/> to own.</summary>
    public Checkpoint ToCheckpoint()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            [ImagesKey] = Images.detach().cpu().clone(),
            [ImagesFirstKey] = ImageOptimizer.First.cpu().clone(),
            [ImagesSecondKey] = ImageOptimizer.Second.cpu().clone(),
            [LogitsKey] = Logits.detach().cpu().clone(),
            [LogitsFirstKey] = LabelOptimizer.First.cpu().clone(),
            [LogitsSecondKey] = LabelOptimizer.Second.cpu().clone(),
        };
        var pool = Pool.AddTo(tensors);
        var record = new StateRecord(Completed, ImageOptimizer.Steps, LabelOptimizer.Steps, pool);
        return new Checkpoint(Completed, tensors, JsonSerializer.Serialize(record));
    }

    /// <summary>Whether the images, the logits and their optimizer moments are finite.</summary>
    public bool IsFinite()
    {
        using var scope = torch.NewDisposeScope();
        return new[] { Images.detach(), Logits.detach(), ImageOptimizer.First, ImageOptimizer.Second, LabelOptimizer.First, LabelOptimizer.Second }
            .All(tensor => tensor.isfinite().all().item<bool>());
    }

    public void Dispose()
    {
        Images.Dispose();
        Logits.Dispose();
        Labels.Dispose();
        ImageOptimizer.Dispose();
        LabelOptimizer.Dispose();
        Pool.Dispose();
    }

    /// <summary>
    /// Logits whose softmax gives each image's own class <paramref name="confidence"/> and shares the rest evenly:
    /// <c>log(confidence · (classes − 1) / (1 − confidence))</c> for the class, 0 for the others.
    /// </summary>
    public static Tensor StartingLogits(DistillationRequest request, double confidence)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = torch.NewDisposeScope();
        var classes = request.Dataset.NumClasses;
        var high = classes > 1 ? Math.Log(confidence * (classes - 1) / (1 - confidence)) : 0;
        var labels = torch.arange(classes, dtype: ScalarType.Int64).repeat_interleave(request.ImagesPerClass);
        return nn.functional.one_hot(labels, classes).to_type(ScalarType.Float32).mul(high).MoveToOuterDisposeScope();
    }

    private static KernelRegressionState Create(
        INetworkFactory networks,
        DistillationRequest request,
        KernelRegressionOptions options,
        Formation formation,
        Tensor images,
        Tensor logits,
        (Tensor ImagesFirst, Tensor ImagesSecond, Tensor LogitsFirst, Tensor LogitsSecond)? moments,
        StateRecord? record,
        IReadOnlyDictionary<string, Tensor>? tensors,
        CancellationToken cancellationToken = default)
    {
        var device = request.Device;
        var imageLeaf = images.detach().to_type(ScalarType.Float32).to(device).clone().requires_grad_(true);
        var logitLeaf = logits.detach().to_type(ScalarType.Float32).to(device).clone().requires_grad_(true);
        using var classes = torch.arange(request.Dataset.NumClasses, dtype: ScalarType.Int64, device: device);
        var labels = classes.repeat_interleave(request.ImagesPerClass);
        var imageOptimizer = moments is { } m
            ? new AdamMoments(options.LearningRateImages, m.ImagesFirst.to(device).clone(), m.ImagesSecond.to(device).clone(), record!.ImageSteps)
            : AdamMoments.Fresh(imageLeaf, options.LearningRateImages);
        var labelOptimizer = moments is { } n
            ? new AdamMoments(options.LearningRateLabels, n.LogitsFirst.to(device).clone(), n.LogitsSecond.to(device).clone(), record!.LabelSteps)
            : AdamMoments.Fresh(logitLeaf, options.LearningRateLabels);
        NetworkPool pool;
        try
        {
            if (record is not null && tensors is not null)
            {
                pool = NetworkPool.Restore(networks, request, options, tensors, record.Pool);
            }
            else
            {
                // Networks and their optimizer buffers are made outside any dispose scope: they outlive this call.
                var (trainImages, targets) = DecodedTrainingSet(formation, imageLeaf, logitLeaf);
                using (trainImages)
                using (targets)
                {
                    pool = NetworkPool.Create(networks, request, options, trainImages, targets, cancellationToken);
                }
            }
        }
        catch
        {
            imageLeaf.Dispose();
            logitLeaf.Dispose();
            labels.Dispose();
            imageOptimizer.Dispose();
            labelOptimizer.Dispose();
            throw;
        }

        return new KernelRegressionState(imageLeaf, logitLeaf, labels, imageOptimizer, labelOptimizer, pool, formation, record?.Completed ?? 0);
    }

    private static (Tensor Images, Tensor Targets) DecodedTrainingSet(Formation formation, Tensor images, Tensor logits)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var decoded = formation.Decode(images.detach());
        var targets = formation.DecodeLabels(nn.functional.softmax(logits.detach(), 1));
        return (decoded.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }

    private static long[] Shape(DistillationRequest request) =>
        [(long)request.Dataset.NumClasses * request.ImagesPerClass, request.Dataset.Channels, request.Dataset.Height, request.Dataset.Width];

    /// <summary>What a checkpoint keeps besides tensors.</summary>
    private sealed record StateRecord(int Completed, long ImageSteps, long LabelSteps, PoolRecord Pool);
}
