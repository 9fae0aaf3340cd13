using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.datasets", "0.1.0", "Fashion-MNIST, MNIST, CIFAR-10 and image folders.")]

namespace Distillery.Datasets;

public sealed class DatasetsPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
