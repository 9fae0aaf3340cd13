using Distillery.Storage;
using static TorchSharp.torch;

namespace Distillery.Learning;

/// <summary>Reads a method's tensors back from its checkpoint, refusing one that another run made.</summary>
public static class CheckpointTensors
{
    /// <summary>The checkpoint's tensor <paramref name="key"/>, still owned by the checkpoint.</summary>
    /// <exception cref="InvalidDataException">The checkpoint has no such tensor of <paramref name="shape"/>.</exception>
    public static Tensor Require(this Checkpoint checkpoint, string key, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(shape);
        if (!checkpoint.Tensors.TryGetValue(key, out var saved) || !saved.shape.SequenceEqual(shape))
        {
            throw new InvalidDataException($"The checkpoint has no tensor '{key}' of shape [{string.Join(", ", shape)}]; it was made by another run.");
        }

        return saved;
    }
}
