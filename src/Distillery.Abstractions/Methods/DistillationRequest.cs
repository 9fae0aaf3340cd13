using Distillery.Data;
using Distillery.Progress;
using Distillery.Storage;
using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>One distillation job, as the engine hands it to a method.</summary>
public sealed class DistillationRequest
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
}
