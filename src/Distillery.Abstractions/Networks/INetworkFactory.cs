using Distillery.Data;
using static TorchSharp.torch;

namespace Distillery.Networks;

/// <summary>
/// Builds networks by architecture name (<c>convnet</c>, <c>resnet18:bn</c>) for a dataset. It is the only way the
/// engine and the plugins make a network: a network's initial weights depend only on the architecture, the dataset's
/// shape and the seed, never on what ran before in the process.
/// </summary>
public interface INetworkFactory
{
    /// <summary>
    /// A fresh network for <paramref name="dataset"/>'s shape, its weights drawn from <paramref name="seed"/>, on
    /// <paramref name="device"/>. The same inputs give the same weights; torch's global generator is left as it was.
    /// </summary>
    Network Create(string architecture, DatasetInfo dataset, long seed, Device device);
}
