using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Networks;
using Distillery.Tests.Architectures;
using Distillery.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

public sealed class MultiplyAccumulatesTests
{
    [Theory]
    [InlineData(3, 8, 3, 1, 1, 1, 10, 10 * 10 * 8 * 3 * 3 * 3)]
    [InlineData(4, 8, 3, 2, 0, 2, 9, 4 * 4 * 8 * (4 / 2) * 3 * 3)]
    [InlineData(1, 16, 5, 1, 2, 1, 7, 7 * 7 * 16 * 1 * 5 * 5)]
    public void AConvolutionCountsOutputSizeTimesInputChannelsPerGroupTimesKernel(
        int inChannels, int outChannels, int kernel, int stride, int padding, int groups, int side, long expected)
    {
        using var network = new LayerNetwork(nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: padding, groups: groups));
        using var image = torch.zeros(1, inChannels, side, side);

        MultiplyAccumulates.Count(network, image).Should().Be(expected);
    }

    [Fact]
    public void ALinearLayerCountsInputsTimesOutputsPerImage()
    {
        using var network = new LayerNetwork(nn.Flatten(), nn.Linear(12, 5), nn.ReLU(), nn.Linear(5, 2));
        using var images = torch.zeros(3, 3, 2, 2);

        MultiplyAccumulates.Count(network, images).Should().Be((12 * 5) + (5 * 2));
    }

    [Fact]
    public void TheReferenceConvNetCountsItsThreeConvolutionsAndItsClassifier()
    {
        using var network = ConvNetTests.Architecture.Create(new NetworkSpec(null, 1, 28, 28, 10));
        using var image = torch.zeros(1, 1, 28, 28);
        long expected = (32 * 32 * 128 * 1 * 9) + (16 * 16 * 128 * 128 * 9) + (8 * 8 * 128 * 128 * 9) + (2048 * 10);

        MultiplyAccumulates.Count(network, image).Should().Be(expected);
        network.training.Should().BeTrue("the count leaves the network in the mode it was in");
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("lenet")]
    [InlineData("alexnet")]
    [InlineData("vgg11")]
    [InlineData("resnet18")]
    public void EveryReferenceArchitectureIsCounted(string name)
    {
        using var network = ReferenceNetworksTests.Architectures[name].Create(new NetworkSpec(null, 1, 28, 28, 10));
        using var image = torch.zeros(1, 1, 28, 28);

        var count = MultiplyAccumulates.Count(network, image);

        count.Should().BePositive();
        if (name == "mlp")
        {
            count.Should().Be((784 * 128) + (128 * 128) + (128 * 10));
        }
    }

    [Fact]
    public void ALayerRunWithoutItsHooksIsAUserError()
    {
        using var network = new TinyNetwork(16, 3);
        using var image = torch.zeros(1, 1, 4, 4);

        FluentActions.Invoking(() => MultiplyAccumulates.Count(network, image))
            .Should().Throw<UserErrorException>().WithMessage("*_classifier*hooks*");
    }
}
