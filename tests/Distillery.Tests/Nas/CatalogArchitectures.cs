using Distillery.Data;
using Distillery.Networks;
using Distillery.Tests.Architectures;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

/// <summary>Builds the built-in architectures by name (<c>convnet:d1-w8</c>, <c>lenet</c>), seeded as the host's factory seeds them.</summary>
internal sealed class CatalogArchitectures : INetworkFactory
{
    public Network Create(string architecture, DatasetInfo dataset, long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(dataset);
        var colon = architecture.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? architecture : architecture[..colon];
        var variant = colon < 0 ? null : architecture[(colon + 1)..];
        IArchitecture family = name == "convnet" ? ConvNetTests.Architecture : ReferenceNetworksTests.Architectures[name];
        var spec = new NetworkSpec(variant, dataset.Channels, dataset.Height, dataset.Width, dataset.NumClasses);
        return SeededConstruction.Build(seed, device, () => family.Create(spec));
    }
}
