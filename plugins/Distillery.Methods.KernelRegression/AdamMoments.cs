using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// Adam on one tensor, written out so that its state can be checkpointed: the moment buffers and the step count
/// (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias-corrected as <c>torch.optim.Adam</c> without weight decay or amsgrad).
/// </summary>
internal sealed class AdamMoments(double learningRate, Tensor first, Tensor second, long steps) : IDisposable
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;
    public const double Epsilon = 1e-8;

    /// <summary>The running mean of the gradient. Owned by this optimizer.</summary>
    public Tensor First { get; } = first;

    /// <summary>The running mean of the squared gradient. Owned by this optimizer.</summary>
    public Tensor Second { get; } = second;

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; } = steps;

    public static AdamMoments Fresh(Tensor parameter, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        using var noGrad = torch.no_grad();
        return new AdamMoments(learningRate, torch.zeros_like(parameter), torch.zeros_like(parameter), 0);
    }

    /// <summary>Updates <paramref name="parameter"/> in place with <paramref name="gradient"/>.</summary>
    public void Step(Tensor parameter, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(gradient);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Steps++;
        First.mul_(Beta1).add_(gradient, alpha: 1 - Beta1);
        Second.mul_(Beta2).addcmul_(gradient, gradient, value: 1 - Beta2);
        var firstCorrection = 1 - Math.Pow(Beta1, Steps);
        var secondCorrection = 1 - Math.Pow(Beta2, Steps);
        var denominator = Second.div(secondCorrection).sqrt_().add_(Epsilon);
        parameter.addcdiv_(First, denominator, value: -learningRate / firstCorrection);
    }

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
    }
}
