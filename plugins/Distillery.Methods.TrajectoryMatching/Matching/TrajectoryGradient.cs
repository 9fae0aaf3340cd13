using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Matching;

/// <summary>
/// The matching loss of one iteration, <c>‖θ_student_end − θ_target‖² / ‖θ_start − θ_target‖²</c>, with its gradients
/// with respect to the synthetic images and the student learning rate. Owns both gradient tensors.
/// </summary>
internal sealed class TrajectoryGradient(double loss, Tensor images, Tensor learningRate) : IDisposable
{
    public double Loss { get; } = loss;

    /// <summary>The gradient with respect to the images, their shape.</summary>
    public Tensor Images { get; } = images;

    /// <summary>The gradient with respect to the learning rate, its shape.</summary>
    public Tensor LearningRate { get; } = learningRate;

    /// <summary>
    /// The result of a step whose loss is not a finite number: that loss with zero gradients of the images' and the
    /// learning rate's shapes, made outside the caller's dispose scope.
    /// </summary>
    public static TrajectoryGradient NotFinite(double loss, Tensor images, Tensor learningRate) =>
        new(loss, zeros_like(images).MoveToOuterDisposeScope(), zeros_like(learningRate).MoveToOuterDisposeScope());

    /// <summary>Whether the loss and every gradient value are finite numbers.</summary>
    public bool IsFinite()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return double.IsFinite(Loss) && Images.isfinite().all().item<bool>() && LearningRate.isfinite().all().item<bool>();
    }

    public void Dispose()
    {
        Images.Dispose();
        LearningRate.Dispose();
    }
}
