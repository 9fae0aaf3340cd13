using Distillery.Architectures.ConvNets;
using Distillery.Architectures.Layers;
using Distillery.Data;
using Distillery.Networks;

namespace Distillery.Benchmarks;

/// <summary>Builds the reference ConvNet-3 (width 128, instance norm, ReLU, average pooling) for any dataset.</summary>
internal sealed class ConvNetFactory : INetworkFactory
{
    public Network Create(string architecture, DatasetInfo dataset) =>
        new ConvNet(ConvNetSettings.Default, new FeatureShape(dataset.Channels, dataset.Height, dataset.Width), dataset.NumClasses);
}
