using Distillery.Architectures.ConvNets;
using Distillery.Components;
using Distillery.Plugins;

[assembly: DistilleryPlugin("distillery.architectures", "0.1.0", "ConvNet family, MLP, LeNet, AlexNet, VGG11, ResNet18.")]

namespace Distillery.Architectures;

public sealed class ArchitecturesPlugin : IDistilleryPlugin
{
    public void Register(IComponentRegistry components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.AddArchitecture<ConvNetArchitecture, ConvNetOptions>(
            "convnet",
            "ConvNet: depth x [conv3x3, norm, activation, 2x2 pool] + linear; variants like d3-w128-relu-instancenorm-avgpool (720 in the search space).");
    }
}
