using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>
/// SGD with momentum on the synthetic images, written out so that its momentum buffer can be checkpointed:
/// <c>buffer ← momentum · buffer + gradient; images ← images − lr · buffer</c> (PyTorch's SGD without dampening,
/// whose first step equals this one from a zero buffer).
/// </summary>
public sealed class ImageMomentumSgd(double learningRate, double momentum, Tensor buffer) : IDisposable
{
    /// <summary>The momentum buffer, the shape of the images. Owned by this optimizer.</summary>
    public Tensor Buffer { get; } = buffer;

    public void Step(Tensor images, Tensor gradient)
    {
        using var noGrad = torch.no_grad();
        Buffer.mul_(momentum).add_(gradient);
        images.add_(Buffer, alpha: -learningRate);
    }

    public void Dispose() => Buffer.Dispose();
}
