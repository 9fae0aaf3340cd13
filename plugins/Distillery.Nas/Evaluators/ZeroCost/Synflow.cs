using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The <c>synflow</c> score (Tanaka et al. 2020, "Pruning neural networks without any data by iteratively conserving
/// synaptic flow"), as the zero-cost reference computes it: the network in double precision and eval mode, every
/// parameter replaced by its absolute value, an input of ones <c>[1, C, H, W]</c>, <c>L = sum(output)</c>, and the
/// score <c>Σ |θ · ∂L/∂θ|</c> over the convolution and linear weights (<see cref="ScoredWeights"/>). Normalization
/// buffers (running statistics) are left as they are; a fresh network's are already non-negative.
/// </summary>
/// <remarks>
/// The sum grows exponentially with depth, so the score is reported as its natural logarithm: monotone, so rankings
/// are unchanged, and finite where the sum itself would overflow a float. A sum of 0 gives negative infinity, the
/// lowest score.
/// </remarks>
internal static class Synflow
{
    /// <summary>
    /// <c>ln Σ |θ · ∂L/∂θ|</c> for inputs of <paramref name="channels"/> × <paramref name="height"/> ×
    /// <paramref name="width"/>. The network is left as it was: its signs, precision and mode are restored.
    /// </summary>
    public static double Score(nn.Module<Tensor, Tensor> network, long channels, long height, long width)
    {
        ArgumentNullException.ThrowIfNull(network);
        var first = network.parameters().FirstOrDefault()
            ?? throw new UserErrorException($"The network {network.GetName()} has no parameters for synflow to score.");
        var type = first.dtype;
        var device = first.device;
        var wasTraining = network.training;
        var signs = new List<(Parameter Parameter, Tensor Sign)>();
        network.eval();
        network.to(ScalarType.Float64);
        try
        {
            using (torch.no_grad())
            {
                foreach (var parameter in network.parameters())
                {
                    signs.Add((parameter, parameter.sign()));
                    parameter.abs_();
                }
            }

            using var scope = torch.NewDisposeScope();
            using var gradients = torch.enable_grad();
            var weights = ScoredWeights.Of(network);
            var ones = torch.ones([1, channels, height, width], ScalarType.Float64, device);
            var loss = network.call(ones).sum();
            var grads = torch.autograd.grad([loss], [.. weights]);
            var total = torch.zeros(1, ScalarType.Float64, device);
            for (var i = 0; i < weights.Count; i++)
            {
                total.add_((weights[i] * grads[i]).abs().sum());
            }

            return Math.Log(total.item<double>());
        }
        finally
        {
            using (torch.no_grad())
            {
                foreach (var (parameter, sign) in signs)
                {
                    parameter.mul_(sign);
                    sign.Dispose();
                }
            }

            network.to(type);
            network.train(wasTraining);
        }
    }
}
