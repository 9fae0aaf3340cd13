using Distillery.Data;
using Distillery.Progress;
using Distillery.Storage;
using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>One distillation job, as the engine hands it to a method.</summary>
public sealed record DistillationRequest
{
    public required DatasetInfo Dataset { get; init; }

    /// <summary>The real training images, normalized, on <see cref="Device"/>.</summary>
    public required LabeledImages Train { get; init; }

    public required int ImagesPerClass { get; init; }

    /// <summary>The architecture the method uses for embeddings or matching, e.g. <c>convnet</c>.</summary>
    public required string Architecture { get; init; }

    /// <summary>Every random choice of the method derives from this seed.</summary>
    public required long Seed { get; init; }

    public required Device Device { get; init; }

    public IProgressReporter Progress { get; init; } = NullProgressReporter.Instance;

    public ICheckpointStore Checkpoints { get; init; } = NullCheckpointStore.Instance;

    /// <summary>Where a method that learns images hands them over at the iterations asked for.</summary>
    public ISnapshotSink Snapshots { get; init; } = NullSnapshotSink.Instance;

    /// <summary>
    /// Images to start from instead of the method's own initialisation, e.g. a stored coreset: <c>[classes ×
    /// ImagesPerClass, C, H, W]</c>, class after class, normalized, on <see cref="Device"/>. Methods that learn images
    /// start from them; methods that select real images refuse them.
    /// </summary>
    public Tensor? InitialImages { get; init; }
}
