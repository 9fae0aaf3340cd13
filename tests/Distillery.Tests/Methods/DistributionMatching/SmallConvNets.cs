using Distillery.Architectures.ConvNets;
using Distillery.Data;
using Distillery.Networks;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>Builds ConvNets by <c>convnet[:variant]</c> with the real architecture plugin, without a host.</summary>
internal sealed class SmallConvNets : INetworkFactory
{
    private static readonly ConvNetArchitecture Architecture = new(Options.Create(new ConvNetOptions()));

    public int Created { get; private set; }

    public Network Create(string architecture, DatasetInfo dataset, long seed, Device device)
    {
        var colon = architecture.IndexOf(':', StringComparison.Ordinal);
        var variant = colon < 0 ? null : architecture[(colon + 1)..];
        Created++;
        var spec = new NetworkSpec(variant, dataset.Channels, dataset.Height, dataset.Width, dataset.NumClasses);
        return SeededConstruction.Build(seed, device, () => Architecture.Create(spec));
    }
}
