using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Networks;

/// <summary>
/// A network's weights (its state dictionary) as checkpoint tensors: each entry under <c>prefix + name</c>, so a
/// checkpoint can hold other tensors beside them.
/// </summary>
public static class NetworkWeights
{
    /// <summary>CPU copies of every entry of the state dictionary, outside any dispose scope, for a checkpoint to own.</summary>
    public static Dictionary<string, Tensor> ToCheckpointTensors(nn.Module network, string prefix)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(prefix);
        return network.state_dict().ToDictionary(p => prefix + p.Key, p => p.Value.detach().cpu().clone().DetachFromDisposeScope());
    }

    /// <summary>Copies the tensors saved by <see cref="ToCheckpointTensors"/> into <paramref name="network"/>'s weights.</summary>
    /// <exception cref="InvalidDataException">An entry is missing: the tensors were saved from another network.</exception>
    public static void LoadInto(nn.Module network, IReadOnlyDictionary<string, Tensor> tensors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(prefix);
        using var noGrad = torch.no_grad();
        foreach (var (name, value) in network.state_dict())
        {
            if (!tensors.TryGetValue(prefix + name, out var saved))
            {
                throw new InvalidDataException($"The checkpoint has no tensor '{prefix + name}'; it was made by another network.");
            }

            value.copy_(saved);
        }
    }
}
