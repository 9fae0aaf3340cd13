using Distillery.Methods.TrajectoryMatching.Functional;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// MTT's gradient (Cazenavette et al., CVPR 2022): the student's steps are unrolled in one autograd graph, each step's
/// parameter gradient taken with <c>create_graph</c>, and the loss is back-propagated through all of them at once.
/// Memory grows with the number of steps: every step's activations and their gradients stay alive until the end.
/// </summary>
internal sealed class UnrolledGradient : ITrajectoryGradient
{
    public TrajectoryGradient Compute(
        FunctionalNetwork network, Tensor start, Tensor target, Tensor images, Tensor labels, Tensor learningRate, StudentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(learningRate);
        ArgumentNullException.ThrowIfNull(plan);
        using var scope = torch.NewDisposeScope();
        var theta = start.detach().clone().requires_grad_(true);
        foreach (var step in plan.Steps)
        {
            var logits = network.Forward(theta, step.Batch(images));
            var loss = nn.functional.cross_entropy(logits, labels.index_select(0, step.Rows));
            var gradient = torch.autograd.grad([loss], [theta], retain_graph: true, create_graph: true)[0];
            theta = theta - learningRate * gradient;
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
