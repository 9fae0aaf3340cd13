using Distillery.Methods.TrajectoryMatching.Functional;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// TESLA's gradient (Cui et al., ICML 2023) at memory constant in the number of steps: a forward pass that keeps no
/// graph, only the student's weights after every step, then a backward sweep from the last step to the first that
/// rebuilds one step's graph at a time. The sweep carries <c>λ = ∂L/∂θ_{i+1}</c> (from <c>2(θ_N − θ_target)/D</c>) and,
/// for step i with gradient <c>g_i</c>, adds <c>−α ∂(g_i·λ)/∂images</c> to the image gradient and <c>−g_i·λ</c> to the
/// learning-rate gradient, then moves λ back through the step: <c>λ ← λ − α H_i λ</c>, a Hessian-vector product of
/// the same double backward. This is the exact gradient of the unrolled loss, equal to <see cref="UnrolledGradient"/>'s
/// up to float rounding. (The authors' released code leaves out the <c>H_i λ</c> term, treating the student's weights as
/// constants; here it is kept, so <c>tesla</c> and <c>mtt</c> learn alike.) Memory: one step's graph plus the
/// student's weights after every step, a flat vector each.
/// </summary>
internal sealed class ConstantMemoryGradient : StudentGradient
{
    protected override TrajectoryGradient Differentiate(
        FunctionalNetwork network, Tensor start, Tensor target, Tensor images, Tensor labels, Tensor learningRate, StudentPlan plan)
    {
        using var scope = torch.NewDisposeScope();
        var alpha = learningRate.detach().to_type(ScalarType.Float64).item<double>();
        var pixels = images.detach();
        var weights = new List<Tensor>(plan.Steps.Count + 1) { start.detach().clone() };
        foreach (var step in plan.Steps)
        {
            using var stepScope = torch.NewDisposeScope();
            var theta = weights[^1].clone().requires_grad_(true);
            var gradient = StepGradient(network, theta, step, pixels, labels, createGraph: false);
            weights.Add((theta.detach() - alpha * gradient).MoveToOuterDisposeScope());
        }

        var distance = (start - target).pow(2).sum();
        var gap = weights[^1] - target;
        var value = (gap.pow(2).sum() / distance).to_type(ScalarType.Float64).item<double>();
        if (!double.IsFinite(value))
        {
            return TrajectoryGradient.NotFinite(value, images, learningRate);
        }

        var adjoint = 2 * gap / distance;
        var imageGradient = torch.zeros_like(pixels);
        var rateGradient = torch.zeros(1, dtype: ScalarType.Float64, device: learningRate.device);
        for (var i = plan.Steps.Count - 1; i >= 0; i--)
        {
            using var stepScope = torch.NewDisposeScope();
            var theta = weights[i].requires_grad_(true);
            var leaf = pixels.detach().requires_grad_(true);
            var gradient = StepGradient(network, theta, plan.Steps[i], leaf, labels, createGraph: true);
            var projection = (gradient * adjoint).sum();
            var back = torch.autograd.grad([projection], [theta, leaf]);
            imageGradient.add_(back[1], alpha: -alpha);
            rateGradient.sub_(projection.detach().to_type(ScalarType.Float64));
            adjoint = (adjoint - alpha * back[0]).MoveToOuterDisposeScope();
        }

        var rate = rateGradient.to_type(learningRate.dtype).reshape(learningRate.shape);
        return new TrajectoryGradient(value, imageGradient.MoveToOuterDisposeScope(), rate.MoveToOuterDisposeScope());
    }
}
