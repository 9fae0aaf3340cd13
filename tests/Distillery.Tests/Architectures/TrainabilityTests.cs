using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Architectures;

public sealed class TrainabilityTests
{
    [Theory]
    [InlineData("convnet", null)]
    [InlineData("convnet", "d2-w32-leakyrelu-batchnorm-maxpool")]
    [InlineData("convnet", "d1-w32-sigmoid-layernorm-nopool")]
    [InlineData("mlp", null)]
    [InlineData("lenet", null)]
    [InlineData("alexnet", "bn")]
    [InlineData("vgg11", null)]
    [InlineData("resnet18", null)]
    [InlineData("resnet18", "bn")]
    public void EveryParameterGetsAFiniteGradient(string name, string? variant)
    {
        using var scope = torch.NewDisposeScope();
        using var network = Create(name, new NetworkSpec(variant, 1, 28, 28, 10));
        network.train();
        var images = NetworkProbe.Images(4, 1, 28, 28);
        var labels = torch.tensor(new long[] { 0, 1, 2, 3 });

        nn.functional.cross_entropy(network.call(images), labels).backward();

        network.named_parameters().Should().AllSatisfy(p =>
        {
            p.parameter.grad.Should().NotBeNull();
            NetworkProbe.AllFinite(p.parameter.grad!).Should().BeTrue(p.name);
        });
    }

    [Theory]
    [InlineData("convnet", "d2-w32")]
    [InlineData("resnet18", null)]
    public void GradientMatchingCanDifferentiateThroughTheWeightGradients(string name, string? variant)
    {
        using var scope = torch.NewDisposeScope();
        using var network = Create(name, new NetworkSpec(variant, 1, 28, 28, 10));
        var images = NetworkProbe.Images(2, 1, 28, 28).requires_grad_();
        var labels = torch.tensor(new long[] { 0, 1 });
        var parameters = network.parameters().Cast<Tensor>().ToList();

        var loss = nn.functional.cross_entropy(network.call(images), labels);
        var gradients = torch.autograd.grad([loss], parameters, create_graph: true, retain_graph: true);
        var matching = gradients.Select(g => g.square().sum()).Aggregate((a, b) => a + b);
        var imageGradient = torch.autograd.grad([matching], [images])[0];

        NetworkProbe.AllFinite(imageGradient).Should().BeTrue();
        imageGradient.abs().sum().item<float>().Should().BeGreaterThan(0);
    }

    private static Network Create(string name, NetworkSpec spec) => name == "convnet"
        ? ConvNetTests.Architecture.Create(spec)
        : ReferenceNetworksTests.Architectures[name].Create(spec);
}
