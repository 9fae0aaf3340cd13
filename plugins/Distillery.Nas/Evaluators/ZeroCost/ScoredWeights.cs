using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The weights the gradient-based scores (synflow, snip, grad_norm) sum over: those of every convolution and linear
/// layer, biases and normalization parameters excluded, as the reference implementation of these scores
/// (Abdelfattah et al. 2021, "Zero-Cost Proxies for Lightweight NAS") takes them.
/// </summary>
internal static class ScoredWeights
{
    /// <exception cref="UserErrorException">The network has no trainable convolution or linear weight.</exception>
    public static IReadOnlyList<Parameter> Of(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var weights = network.modules()
            .Select(module => module switch
            {
                Convolution convolution => convolution.weight,
                Linear linear => linear.weight,
                _ => null,
            })
            .OfType<Parameter>()
            .Where(weight => weight.requires_grad)
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<Parameter>()
            .ToList();
        if (weights.Count == 0)
        {
            throw new UserErrorException(
                $"The network {network.GetName()} has no convolution or linear layer whose weights a gradient score could sum over; use another evaluator for it.");
        }

        return weights;
    }
}
