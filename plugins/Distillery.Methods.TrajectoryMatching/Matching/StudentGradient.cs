using Distillery.Methods.TrajectoryMatching.Functional;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// What both ways of differentiating the student share: the argument checks and the gradient of one student step's
/// cross-entropy with respect to the student's weights.
/// </summary>
internal abstract class StudentGradient : ITrajectoryGradient
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
        return Differentiate(network, start, target, images, labels, learningRate, plan);
    }

    /// <inheritdoc cref="ITrajectoryGradient.Compute"/>
    protected abstract TrajectoryGradient Differentiate(
        FunctionalNetwork network, Tensor start, Tensor target, Tensor images, Tensor labels, Tensor learningRate, StudentPlan plan);

    /// <summary>
    /// ∇θ of the step's cross-entropy at θ; with <paramref name="createGraph"/> the result can be differentiated again
    /// (with respect to θ, the images and whatever θ was computed from).
    /// </summary>
    protected static Tensor StepGradient(FunctionalNetwork network, Tensor theta, StudentPlan.Step step, Tensor images, Tensor labels, bool createGraph)
    {
        var logits = network.Forward(theta, step.Batch(images));
        var loss = nn.functional.cross_entropy(logits, labels.index_select(0, step.Rows));
        return autograd.grad([loss], [theta], retain_graph: createGraph, create_graph: createGraph)[0];
    }
}
