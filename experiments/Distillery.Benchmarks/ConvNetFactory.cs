using Distillery.Architectures.ConvNets;
using Distillery.Architectures.Layers;
using Distillery.Data;
using Distillery.Networks;
using static TorchSharp.torch;

namespace Distillery.Benchmarks;

/// <summary>Builds the reference ConvNet-3 (instance norm, ReLU, average pooling; width 128 unless given) for any dataset.</summary>
internal sealed class ConvNetFactory(int width = 128) : INetworkFactory
{
    public Network Create(string architecture, DatasetInfo dataset, long seed, Device device) =>
        SeededConstruction.Build(seed, device, () => new ConvNet(
            ConvNetSettings.Default with { Width = width }, new FeatureShape(dataset.Channels, dataset.Height, dataset.Width), dataset.NumClasses));
}
