using Distillery.Architectures.Classic;
using Distillery.Architectures.ConvNets;
using Distillery.Architectures.ResNets;
using Distillery.Architectures.Vgg;
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
        components.AddArchitecture<MlpArchitecture, MlpOptions>(
            "mlp",
            "MLP: two hidden ReLU layers of 128 on the flattened image.");
        components.AddArchitecture<LeNetArchitecture, LeNetOptions>(
            "lenet",
            "LeNet: conv5x5 6, conv5x5 16, max pooling, 120-84 ReLU units.");
        components.AddArchitecture<AlexNetArchitecture, AlexNetOptions>(
            "alexnet",
            "AlexNet for 32x32 images: five convolutions, three max poolings; alexnet:bn adds batch norm.");
        components.AddArchitecture<Vgg11Architecture, Vgg11Options>(
            "vgg11",
            "VGG11 with instance norm; vgg11:bn uses batch norm.");
        components.AddArchitecture<ResNet18Architecture, ResNet18Options>(
            "resnet18",
            "CIFAR-style ResNet18 with instance norm; resnet18:bn uses batch norm.");
    }
}
