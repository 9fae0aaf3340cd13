using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Learning;

/// <summary>
/// SGD with momentum on one tensor, such as a method's synthetic images, written out so that its state can be
/// checkpointed: <c>buffer ← momentum · buffer + gradient; x ← x − lr · buffer</c>, the update of
/// <c>torch.optim.SGD</c> without dampening, Nesterov or weight decay (whose first step equals this one from a zero
/// buffer). Its state is the one buffer tensor, which a checkpoint keeps so that a resumed run continues exactly.
/// </summary>
public sealed class MomentumSgd(double learningRate, double momentum, Tensor buffer) : IDisposable
{
    /// <summary>The momentum buffer, the shape of the parameter. Owned by this optimizer.</summary>
    public Tensor Buffer { get; } = buffer;

    /// <summary>An optimizer whose buffer starts at zero, the shape of <paramref name="parameter"/>.</summary>
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
