using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.architectures", "0.1.0", "ConvNet family, MLP, LeNet, AlexNet, VGG11, ResNet18.")]

namespace Distillery.Architectures;

public sealed class ArchitecturesPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
    }
}
