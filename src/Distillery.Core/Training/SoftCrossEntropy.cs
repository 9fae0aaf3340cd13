using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Training;

/// <summary>
/// The cross-entropy toward class probabilities, as the research code trains on soft labels:
/// <c>-(targets · log_softmax(logits)).sum(1).mean()</c>. With one-hot targets it equals the cross-entropy of the
/// hard labels.
/// </summary>
public static class SoftCrossEntropy
{
    /// <summary>The mean over the batch of <c>-Σ_k targets[i, k] · log_softmax(logits)[i, k]</c>.</summary>
    public static Tensor Loss(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = torch.NewDisposeScope();
        var logProbabilities = nn.functional.log_softmax(logits, 1);
        return logProbabilities.mul(targets).sum(1).mean().neg().MoveToOuterDisposeScope();
    }
}
