using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The <c>flops</c> score: the multiply-accumulates of one forward pass per image, counted by forward hooks on the
/// convolution and linear layers as the network runs. A convolution counts
/// <c>out_h · out_w · out_c · in_c / groups · k_h · k_w</c> (a transposed one
/// <c>in_h · in_w · in_c · out_c / groups · k_h · k_w</c>), a linear layer <c>in · out</c>; biases, normalizations,
/// activations, pooling and additions count 0.
/// </summary>
internal static class MultiplyAccumulates
{
    /// <summary>The multiply-accumulates per image of running <paramref name="network"/> on <paramref name="images"/> <c>[N, C, H, W]</c>.</summary>
    /// <exception cref="UserErrorException">
    /// The network has a layer with parameters that is neither a convolution, a linear layer nor a normalization (its
    /// cost is unknown), or it runs a convolution or linear layer without going through the layer's hooks.
    /// </exception>
    public static long Count(nn.Module<Tensor, Tensor> network, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() < 1 || images.shape[0] < 1)
        {
            throw new ArgumentException("Give at least one image.", nameof(images));
        }

        var layers = network.named_modules().Prepend((name: network.GetName(), module: (nn.Module)network)).ToList();
        if (layers.FirstOrDefault(l => !IsCounted(l.module) && !IsFree(l.module) && l.module.named_parameters(recurse: false).Any()) is { module: not null } unknown)
        {
            throw new UserErrorException(
                $"flops cannot count layer '{unknown.name}' ({unknown.module.GetType().Name}) of {network.GetName()}: it counts convolutions and linear layers only. Use another evaluator for this architecture.");
        }

        var counted = layers.Where(l => IsCounted(l.module)).ToList();
        var seen = new HashSet<nn.Module>(ReferenceEqualityComparer.Instance);
        var perImage = images.shape[0];
        long total = 0;
        var hooks = counted
            .Select(l => (nn.Module<Tensor, Tensor>)l.module)
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<nn.Module<Tensor, Tensor>>()
            .Select(layer => layer.register_forward_hook((module, input, output) =>
            {
                seen.Add(module);
                total += Of(module, input, output) / perImage;
                return null!;
            }))
            .ToList();

        var wasTraining = network.training;
        try
        {
            network.eval();
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            network.call(images);
        }
        finally
        {
            network.train(wasTraining);
            foreach (var hook in hooks)
            {
                hook.remove();
            }
        }

        if (counted.FirstOrDefault(l => !seen.Contains(l.module)) is { module: not null } missed)
        {
            throw new UserErrorException(
                $"flops cannot count layer '{missed.name}' of {network.GetName()}: the network runs it without its forward hooks (forward instead of call). Use another evaluator for this architecture.");
        }

        return total;
    }

    private static bool IsCounted(nn.Module module) => module is Convolution or Linear;

    private static bool IsFree(nn.Module module) => module is NormBase or GroupNorm or LayerNorm;

    private static long Of(nn.Module module, Tensor input, Tensor output) => module switch
    {
        Convolution { transposed: false } c => output.numel() * (c.in_channels / c.groups) * c.kernel_size.Aggregate(1L, (a, k) => a * k),
        Convolution c => input.numel() * (c.out_channels / c.groups) * c.kernel_size.Aggregate(1L, (a, k) => a * k),
        Linear l => output.numel() * l.in_features,
        _ => 0,
    };
}
