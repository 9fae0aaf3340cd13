using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The <c>snip</c> score (Lee et al. 2019, "SNIP: Single-shot Network Pruning based on Connection Sensitivity"), as a
/// whole-network saliency: <c>Σ |θ · ∂L/∂θ|</c> over the convolution and linear weights, with <c>L</c> the
/// cross-entropy of a batch of real images with their labels, at initialisation.
/// </summary>
internal static class Snip
{
    public static double Score(nn.Module<Tensor, Tensor> network, Tensor images, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var total = 0.0;
        foreach (var (weight, gradient) in LossGradients.Of(network, images, labels))
        {
            total += (weight.detach() * gradient).abs().sum().to(ScalarType.Float64).item<double>();
        }

        return total;
    }
}
