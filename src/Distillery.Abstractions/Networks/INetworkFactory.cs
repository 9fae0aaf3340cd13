using Distillery.Data;

namespace Distillery.Networks;

/// <summary>Builds networks by architecture name (<c>convnet</c>, <c>resnet18:bn</c>) for a dataset.</summary>
public interface INetworkFactory
{
    Network Create(string architecture, DatasetInfo dataset);
}
