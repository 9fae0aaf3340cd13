using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// SGD with momentum on one tensor, the update of <c>torch.optim.SGD</c> without dampening, Nesterov or weight decay:
/// <c>buffer = momentum * buffer + grad; x -= lr * buffer</c>, with the buffer starting at zero. Its state is one
/// tensor, which a checkpoint keeps so that a resumed run continues exactly.
/// </summary>
public sealed class MomentumSgd(double learningRate, double momentum, Tensor buffer) : IDisposable
{
    /// <summary>The momentum buffer (same shape as the parameter); owned.</summary>
    public Tensor Buffer { get; } = buffer;

    public static MomentumSgd Fresh(Tensor parameter, double learningRate, double momentum)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        using var noGrad = torch.no_grad();
        return new MomentumSgd(learningRate, momentum, torch.zeros_like(parameter));
    }

    /// <summary>Updates <paramref name="parameter"/> in place with <paramref name="gradient"/>.</summary>
    public void Step(Tensor parameter, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(gradient);
        using var noGrad = torch.no_grad();
        Buffer.mul_(momentum).add_(gradient);
        parameter.add_(Buffer, alpha: -learningRate);
    }

    public void Dispose() => Buffer.Dispose();
}
