using Distillery.Data;
using Distillery.Methods.TrajectoryMatching.Functional;
using Distillery.Tests.Kit;
using Distillery.Tests.Methods.DistributionMatching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.TrajectoryMatching;

public sealed class FunctionalNetworkTests
{
    private static readonly DatasetInfo FashionShape = new("fashion-shape", 1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => $"c{i}")], [0f], [1f]);
    private static readonly DatasetInfo ColourShape = new("colour-shape", 3, 32, 32, [.. Enumerable.Range(0, 10).Select(i => $"c{i}")], [0f, 0f, 0f], [1f, 1f, 1f]);

    [Theory]
    [InlineData("convnet", 1)]
    [InlineData("convnet", 3)]
    [InlineData("convnet:d2-w16-maxpool", 1)]
    [InlineData("convnet:d2-w16-sigmoid-groupnorm", 3)]
    public void TheFunctionalForwardEqualsTheModulesForwardAndItsGradients(string architecture, int channels)
    {
        using var scope = torch.NewDisposeScope();
        var dataset = channels == 1 ? FashionShape : ColourShape;
        using var network = new SmallConvNets().Create(architecture, dataset, seed: 5, CPU);
        var functional = FunctionalNetwork.Compile(network, architecture, dataset, CPU);
        using var generator = new Generator(9);
        var images = torch.randn([6, channels, dataset.Height, dataset.Width], generator: generator);
        var labels = torch.tensor(new long[] { 0, 1, 2, 3, 4, 5 });

        network.train();
        var expected = network.forward(images);
        var flat = functional.Layout.Flatten(network).requires_grad_(true);
        var actual = functional.Forward(flat, images);
        Gap.Relative(actual, expected).Should().BeLessThan(1e-5);

        var moduleLoss = nn.functional.cross_entropy(expected, labels);
        var moduleGradients = torch.autograd.grad([moduleLoss], network.parameters().Cast<Tensor>().ToList());
        var flatGradient = torch.autograd.grad([nn.functional.cross_entropy(actual, labels)], [flat])[0];
        Gap.Relative(flatGradient, torch.cat(moduleGradients.Select(g => g.reshape(-1)).ToList(), 0)).Should().BeLessThan(1e-5);
    }

    [Fact]
    public void TheDefaultConvNetHasTheReferenceParameterCount()
    {
        using var network = new SmallConvNets().Create("convnet", FashionShape, seed: 1, CPU);
        FunctionalNetwork.Compile(network, "convnet", FashionShape, CPU).Layout.Size.Should().Be(317_706);
    }

    [Fact]
    public void FlattenAndLoadRoundTrip()
    {
        using var scope = torch.NewDisposeScope();
        using var source = new SmallConvNets().Create("convnet:d1-w8", FashionShape, seed: 1, CPU);
        using var other = new SmallConvNets().Create("convnet:d1-w8", FashionShape, seed: 2, CPU);
        var layout = ParameterLayout.Of(source);
        var flat = layout.Flatten(source);
        layout.Load(other, flat);
        layout.Flatten(other).Should().BeBitEqualTo(flat);
    }

    [Fact]
    public void BatchNormalizationIsRefusedWithAMessageThatNamesTheLayer()
    {
        using var network = new SmallConvNets().Create("convnet:d1-w8-batchnorm", FashionShape, seed: 1, CPU);
        var compile = () => FunctionalNetwork.Compile(network, "convnet:d1-w8-batchnorm", FashionShape, CPU);
        compile.Should().Throw<UserErrorException>().WithMessage("*BatchNorm*convnet*");
    }
}
