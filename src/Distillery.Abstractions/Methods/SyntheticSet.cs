using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>
/// A distilled set: images <c>[N, C, H, W]</c> in the dataset's normalized space, hard labels <c>[N]</c>, and
/// optionally soft labels <c>[N, classes]</c> and a learned learning rate. Owns its tensors.
/// </summary>
/// <remarks>
/// The images are the stored ones. When <see cref="Formation"/> decodes them (multi-formation), networks train on
/// <c>Formation.Decode(Images)</c> with every label repeated as many times (see <see cref="Methods.Formation"/>); the
/// stored images, labels and soft labels keep one row per stored image.
/// </remarks>
public sealed class SyntheticSet(Tensor images, Tensor labels, SetProvenance provenance) : IDisposable
{
    public Tensor Images { get; } = images;

    public Tensor Labels { get; } = labels;

    public Tensor? SoftLabels { get; init; }

    public double? LearnedLearningRate { get; init; }

    /// <summary>How the stored images decode into training images; <see cref="Formation.None"/> unless a method learned them through a decoding. Added in contract 2.3.</summary>
    public Formation Formation { get; init; } = Formation.None;

    public SetProvenance Provenance { get; } = provenance;

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        SoftLabels?.Dispose();
    }
}
