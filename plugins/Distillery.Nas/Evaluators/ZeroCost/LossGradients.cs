using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>
/// The gradients of the cross-entropy of a batch with respect to the scored weights (<see cref="ScoredWeights"/>),
/// computed without touching the parameters' <c>.grad</c>. The network runs in the mode it is in.
/// </summary>
internal static class LossGradients
{
    /// <summary>Each scored weight with its gradient; the tensors belong to the caller's dispose scope.</summary>
    public static IReadOnlyList<(Parameter Weight, Tensor Gradient)> Of(nn.Module<Tensor, Tensor> network, Tensor images, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        using var gradients = torch.enable_grad();
        var weights = ScoredWeights.Of(network);
        var loss = nn.functional.cross_entropy(network.call(images), labels);
        var grads = torch.autograd.grad([loss], [.. weights]);
        return weights.Zip(grads, (w, g) => (w, g)).ToList();
    }
}
