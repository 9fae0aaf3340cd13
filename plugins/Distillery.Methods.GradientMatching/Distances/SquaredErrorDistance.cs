using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Distances;

/// <summary>The squared Euclidean distance (<c>mse</c>) between the two gradients flattened into one vector each, every parameter included.</summary>
internal sealed class SquaredErrorDistance : IGradientDistance
{
    public Tensor Measure(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real)
    {
        GradientPairs.Check(synthetic, real);
        var (s, r) = GradientPairs.Flatten(synthetic, real);
        return (s - r).square().sum();
    }
}
