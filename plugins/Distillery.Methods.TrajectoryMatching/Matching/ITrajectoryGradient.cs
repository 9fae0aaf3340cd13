using Distillery.Methods.TrajectoryMatching.Functional;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// Runs the student of one iteration — <c>θ_{i+1} = θ_i − α ∇ℓ(θ_i; batch_i)</c> from an expert's weights, for the
/// plan's steps — and differentiates the matching loss with respect to the images and α.
/// </summary>
internal interface ITrajectoryGradient
{
    /// <param name="network">The functional forward of the student.</param>
    /// <param name="start">The expert's flat weights the student starts from.</param>
    /// <param name="target">The expert's flat weights the student's end is matched to.</param>
    /// <param name="images">The synthetic images, a leaf that requires grad.</param>
    /// <param name="labels">Their labels.</param>
    /// <param name="learningRate">The student's learning rate α, a one-element leaf that requires grad.</param>
    /// <param name="plan">The batches and augmentation of every step.</param>
    TrajectoryGradient Compute(
        FunctionalNetwork network, Tensor start, Tensor target, Tensor images, Tensor labels, Tensor learningRate, StudentPlan plan);
}
