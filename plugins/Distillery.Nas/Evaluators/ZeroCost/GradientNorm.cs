using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The <c>grad_norm</c> score: the L2 norm of <c>∂L/∂θ</c> over all the convolution and linear weights together,
/// with <c>L</c> the cross-entropy of a batch of real images with their labels, at initialisation.
/// </summary>
internal static class GradientNorm
{
    public static double Score(nn.Module<Tensor, Tensor> network, Tensor images, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var squares = 0.0;
        foreach (var (_, gradient) in LossGradients.Of(network, images, labels))
        {
            squares += gradient.to(ScalarType.Float64).square().sum().item<double>();
        }

        return Math.Sqrt(squares);
    }
}
