using System.Text.Json;
using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>
/// What a gradient-matching run needs to continue exactly where it stopped: the synthetic images, the momentum
/// buffer of their optimizer and the number of finished outer iterations. Everything random in an iteration is
/// derived from the run's seed and the iteration's number, so nothing else has to be kept.
/// </summary>
internal sealed record MatchingCheckpoint(int FinishedIterations, double Loss)
{
    private const string ImagesKey = "images";
    private const string MomentumKey = "momentum";

    /// <summary>A checkpoint holding CPU copies of the two tensors, outside any dispose scope; the caller hands it to the store.</summary>
    public Checkpoint ToCheckpoint(Tensor images, Tensor momentum)
    {
        var tensors = new Dictionary<string, Tensor>
        {
            [ImagesKey] = images.detach().cpu().clone().DetachFromDisposeScope(),
            [MomentumKey] = momentum.detach().cpu().clone().DetachFromDisposeScope(),
        };
        return new Checkpoint(FinishedIterations, tensors, JsonSerializer.Serialize(new State(FinishedIterations, Loss)));
    }

    /// <summary>Reads a checkpoint and copies its tensors into <paramref name="images"/> and <paramref name="momentum"/>.</summary>
    public static MatchingCheckpoint Restore(Checkpoint checkpoint, Tensor images, Tensor momentum)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = JsonSerializer.Deserialize<State>(checkpoint.StateJson)
            ?? throw new InvalidDataException("The gradient-matching checkpoint has no state.");
        using var noGrad = torch.no_grad();
        images.copy_(Tensor(checkpoint, ImagesKey, images));
        momentum.copy_(Tensor(checkpoint, MomentumKey, momentum));
        return new MatchingCheckpoint(state.Iteration, state.Loss);
    }

    private static Tensor Tensor(Checkpoint checkpoint, string key, Tensor like)
    {
        if (!checkpoint.Tensors.TryGetValue(key, out var saved))
        {
            throw new InvalidDataException($"The checkpoint has no tensor '{key}'; it was not made by a gradient-matching run.");
        }

        if (!saved.shape.SequenceEqual(like.shape))
        {
            throw new InvalidDataException(
                $"The checkpoint's '{key}' is [{string.Join(", ", saved.shape)}], the run needs [{string.Join(", ", like.shape)}].");
        }

        return saved;
    }

    private sealed record State(int Iteration, double Loss);
}
