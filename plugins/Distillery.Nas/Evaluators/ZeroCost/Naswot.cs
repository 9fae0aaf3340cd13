using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The <c>naswot</c> score (Mellor et al. 2021, "Neural Architecture Search without Training"): each image's binary
/// code at every activation layer (1 where the layer's input is positive), the kernel
/// <c>K = Σ_layers c·cᵀ + (1 − c)·(1 − c)ᵀ</c> (the number of units minus the Hamming distance between two images'
/// codes), and the score <c>ln |det K|</c>. Higher means the network tells the images apart better at initialisation.
/// </summary>
/// <remarks>
/// The code is the sign of the activation's input, the pre-activation: for ReLU and leaky ReLU it is where the output
/// is positive, for a sigmoid where the output exceeds 0.5, so every activation is read the same way. The layers are
/// found as activation modules and read with forward hooks; activations applied as functions are not seen. The network
/// runs in the mode it is in (a fresh network trains, so batch normalization uses the batch's statistics, as in the
/// reference) without gradients. Identical codes give a singular kernel: negative infinity, the lowest score.
/// </remarks>
internal static class Naswot
{
    /// <exception cref="UserErrorException">The network has no activation module that its forward pass calls.</exception>
    public static double Score(nn.Module<Tensor, Tensor> network, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        using var scope = torch.NewDisposeScope();
        var count = images.shape[0];
        var kernel = torch.zeros([count, count], ScalarType.Float64, images.device);
        var layers = 0;
        var hooks = network.modules()
            .Prepend(network)
            .Where(IsActivation)
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<nn.Module<Tensor, Tensor>>()
            .Select(activation => activation.register_forward_hook((_, input, _) =>
            {
                using var inner = torch.NewDisposeScope();
                var codes = input.reshape(count, -1).gt(0).to(ScalarType.Float64);
                var flipped = 1 - codes;
                kernel.add_(codes.mm(codes.t())).add_(flipped.mm(flipped.t()));
                layers++;
                return null!;
            }))
            .ToList();
        try
        {
            using var noGrad = torch.no_grad();
            network.call(images);
        }
        finally
        {
            foreach (var hook in hooks)
            {
                hook.remove();
            }
        }

        if (layers == 0)
        {
            throw new UserErrorException(
                $"naswot reads activation layers, and {network.GetName()} calls none as a module (activations applied as functions are not seen). Use another evaluator for this architecture.");
        }

        var (_, logAbsDet) = torch.linalg.slogdet(kernel);
        return logAbsDet.item<double>();
    }

    /// <summary>The activation modules whose inputs give the codes.</summary>
    public static bool IsActivation(nn.Module module) =>
        module is ReLU or LeakyReLU or Sigmoid or ReLU6 or PReLU or RReLU or ELU or CELU or SELU or GELU or SiLU or Mish or Tanh or Hardswish or Hardsigmoid or Softplus;
}
