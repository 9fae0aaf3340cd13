using Distillery.Methods.TrajectoryMatching.Functional;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// MTT's gradient (Cazenavette et al., CVPR 2022): the student's steps are unrolled in one autograd graph, each step's
/// parameter gradient taken with <c>create_graph</c>, and the loss is back-propagated through all of them at once.
/// Memory grows with the number of steps: every step's activations and their gradients stay alive until the end.
/// </summary>
internal sealed class UnrolledGradient : StudentGradient
{
    protected override TrajectoryGradient Differentiate(
        FunctionalNetwork network, Tensor start, Tensor target, Tensor images, Tensor labels, Tensor learningRate, StudentPlan plan)
    {
        using var scope = torch.NewDisposeScope();
        var theta = start.detach().clone().requires_grad_(true);
        foreach (var step in plan.Steps)
        {
            theta = theta - learningRate * StepGradient(network, theta, step, images, labels, createGraph: true);
        }

        var matching = (theta - target).pow(2).sum() / (start - target).pow(2).sum();
        var value = matching.to_type(ScalarType.Float64).item<double>();
        if (!double.IsFinite(value))
        {
            return TrajectoryGradient.NotFinite(value, images, learningRate);
        }

        var gradients = torch.autograd.grad([matching], [images, learningRate]);
        return new TrajectoryGradient(value, gradients[0].detach().MoveToOuterDisposeScope(), gradients[1].detach().MoveToOuterDisposeScope());
    }
}
