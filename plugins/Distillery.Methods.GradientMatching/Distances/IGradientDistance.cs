using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Distances;

/// <summary>A distance between two gradients of the same network, given parameter by parameter in the same order.</summary>
internal interface IGradientDistance
{
    /// <summary>The distance as a scalar tensor, differentiable with respect to both sides.</summary>
    Tensor Measure(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real);
}
