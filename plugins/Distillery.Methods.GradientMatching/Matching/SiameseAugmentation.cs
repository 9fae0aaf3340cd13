using Distillery.Augmentation;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>
/// Draws one augmentation per call and gives it to both the real and the synthetic batch of a class, so that the two
/// gradients are measured on images transformed alike. The draws come from the generator passed in.
/// </summary>
internal sealed class SiameseAugmentation(AugmentationStrategy strategy, Generator generator)
{
    public AugmentationStrategy Strategy { get; } = strategy;

    /// <summary>The real and synthetic batches, both transformed by one new draw (unchanged for <c>none</c>).</summary>
    public (Tensor Real, Tensor Synthetic) Apply(Tensor real, Tensor synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (Strategy.IsNone)
        {
            return (real, synthetic);
        }

        using var draw = DifferentiableAugmentation.Draw(Strategy, real.shape[0], real.shape[2], real.shape[3], generator, siamese: true, real.device);
        return (draw.Apply(real), draw.Apply(synthetic));
    }
}
