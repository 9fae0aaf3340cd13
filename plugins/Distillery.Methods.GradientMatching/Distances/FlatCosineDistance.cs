using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Distances;

/// <summary>1 − cosine similarity (<c>cos</c>) between the two gradients flattened into one vector each, every parameter included.</summary>
internal sealed class FlatCosineDistance : IGradientDistance
{
    public Tensor Measure(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real)
    {
        GradientPairs.Check(synthetic, real);
        var (s, r) = GradientPairs.Flatten(synthetic, real);
        return 1 - (s * r).sum() / (s.norm() * r.norm() + LayerwiseCosineDistance.Epsilon);
    }
}
