using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>
/// A distilled set: images <c>[N, C, H, W]</c> in the dataset's normalized space, hard labels <c>[N]</c>, and
/// optionally soft labels <c>[N, classes]</c> and a learned learning rate. Owns its tensors.
/// </summary>
public sealed class SyntheticSet(Tensor images, Tensor labels, SetProvenance provenance) : IDisposable
{
    public Tensor Images { get; } = images;

    public Tensor Labels { get; } = labels;

    public Tensor? SoftLabels { get; init; }

    public double? LearnedLearningRate { get; init; }

    public SetProvenance Provenance { get; } = provenance;

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        SoftLabels?.Dispose();
    }
}
