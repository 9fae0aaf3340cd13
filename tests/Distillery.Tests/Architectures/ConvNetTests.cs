using Distillery.Architectures.ConvNets;
using Distillery.Architectures.Layers;
using Distillery.Networks;
using Microsoft.Extensions.Options;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Tests.Architectures;

public sealed class ConvNetTests
{
    internal static readonly ConvNetArchitecture Architecture = new(Options.Create(new ConvNetOptions()));

    [Fact]
    public void DefaultConvNetHasTheReferenceParameterCountOnGrayscale28()
    {
        using var network = Architecture.Create(new NetworkSpec(null, 1, 28, 28, 10));

        NetworkProbe.ParameterCount(network).Should().Be(317_706);
        network.EmbeddingSize.Should().Be(2048);
        ((ConvNet)network).Settings.Should().Be(ConvNetSettings.Default);
    }

    [Theory]
    [InlineData(1, 28, 28)]
    [InlineData(3, 32, 32)]
    public void DefaultEmbeddingIs2048(int channels, int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        using var network = Architecture.Create(new NetworkSpec(null, channels, height, width, 10));
        var images = NetworkProbe.Images(3, channels, height, width);

        var embedding = network.Embed(images);
        var logits = network.call(images);

        network.EmbeddingSize.Should().Be(2048);
        embedding.shape.Should().Equal([3L, 2048L]);
        logits.shape.Should().Equal([3L, 10L]);
    }

    [Fact]
    public void ForwardEqualsClassifyOfEmbed()
    {
        using var scope = torch.NewDisposeScope();
        using var network = Architecture.Create(new NetworkSpec("d2-w32-leakyrelu-layernorm-maxpool", 3, 32, 32, 7));
        var images = NetworkProbe.Images(4, 3, 32, 32);

        var direct = network.call(images);
        var composed = network.Classify(network.Embed(images));

        NetworkProbe.Identical(direct, composed).Should().BeTrue();
    }

    [Fact]
    public void SearchSpaceHas720DistinctNamesThatReadBackToThemselves()
    {
        var names = Architecture.Variants;

        names.Count.Should().Be(4 * 4 * 3 * 5 * 3);
        names.Distinct(StringComparer.Ordinal).Count().Should().Be(names.Count);
        names.Should().Contain("d3-w128-relu-instancenorm-avgpool");
        names.Should().AllSatisfy(name => ConvNetVariant.Parse(name, ConvNetSettings.Default).Name.Should().Be(name));
    }

    [Fact]
    public void EverySearchSpaceVariantBuildsAndASampleRuns()
    {
        using var scope = torch.NewDisposeScope();
        var images = NetworkProbe.Images(2, 1, 28, 28);
        var names = Architecture.Variants;
        for (var i = 0; i < names.Count; i++)
        {
            // Two classes keep the classifiers of the unpooled variants (up to 262,144 inputs) cheap to initialise.
            using var iteration = torch.NewDisposeScope();
            using var network = Architecture.Create(new NetworkSpec(names[i], 1, 28, 28, 2));
            var settings = ((ConvNet)network).Settings;
            settings.Name.Should().Be(names[i]);
            var pooled = settings.Pooling == PoolingKind.None ? 0 : settings.Depth;
            var side = 32 >> pooled;
            network.EmbeddingSize.Should().Be(settings.Width * side * side);

            // Every 7th variant: 7 is coprime with 3 x 5 x 3, so the sample holds every activation x normalization x pooling
            // combination, and every depth.
            if (i % 7 == 0)
            {
                network.train();
                var logits = network.call(images);
                logits.shape.Should().Equal([2L, 2L]);
                NetworkProbe.AllFinite(logits).Should().BeTrue(names[i]);
            }
        }
    }

    [Theory]
    [InlineData("bn", 3, 128, "Relu", "BatchNorm", "AvgPooling")]
    [InlineData("nn", 3, 128, "Relu", "None", "AvgPooling")]
    [InlineData("ln-mp", 3, 128, "Relu", "LayerNorm", "MaxPooling")]
    [InlineData("gn-np-d1", 1, 128, "Relu", "GroupNorm", "None")]
    [InlineData("AS-w32-in", 3, 32, "Sigmoid", "InstanceNorm", "AvgPooling")]
    [InlineData("al_d4_w256_ap", 4, 256, "LeakyRelu", "InstanceNorm", "AvgPooling")]
    [InlineData("maxpooling-ar-w64", 3, 64, "Relu", "InstanceNorm", "MaxPooling")]
    [InlineData("avgpool-groupnorm-sigmoid-w48-d2", 2, 48, "Sigmoid", "GroupNorm", "AvgPooling")]
    [InlineData("", 3, 128, "Relu", "InstanceNorm", "AvgPooling")]
    public void VariantTokensComeInAnyOrderAndSubset(string variant, int depth, int width, string activation, string norm, string pooling)
    {
        var settings = ConvNetVariant.Parse(variant, ConvNetSettings.Default);

        settings.Should().Be(new ConvNetSettings(
            depth, width, Enum.Parse<ActivationKind>(activation), Enum.Parse<NormalizationKind>(norm), Enum.Parse<PoolingKind>(pooling)));
    }

    [Fact]
    public void MissingTokensTakeTheConfiguredDefaults()
    {
        var architecture = new ConvNetArchitecture(Options.Create(new ConvNetOptions { Depth = 2, Width = 64 }));

        using var network = (ConvNet)architecture.Create(new NetworkSpec("bn", 3, 32, 32, 10));

        network.Settings.Should().Be(new ConvNetSettings(2, 64, ActivationKind.Relu, NormalizationKind.BatchNorm, PoolingKind.AvgPooling));
    }

    [Theory]
    [InlineData("d3-w128-tanh")]
    [InlineData("none")]
    [InlineData("d3-x")]
    public void UnknownTokenIsAUserErrorListingTheValidTokens(string variant)
    {
        var error = FluentActions.Invoking(() => Architecture.Create(new NetworkSpec(variant, 1, 28, 28, 10))).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain("Unknown ConvNet variant token");
        error.Message.Should().Contain("instancenorm|");
        error.Message.Should().Contain("avgpool");
        error.Message.Should().Contain("leakyrelu");
    }

    [Theory]
    [InlineData("d2-d3")]
    [InlineData("bn-in")]
    [InlineData("d0")]
    [InlineData("d9")]
    [InlineData("w0")]
    [InlineData("w30-gn")]
    public void ContradictoryOrOutOfRangeVariantsAreUserErrors(string variant) =>
        FluentActions.Invoking(() => Architecture.Create(new NetworkSpec(variant, 3, 32, 32, 10))).Should().ThrowExactly<UserErrorException>();

    [Fact]
    public void TooDeepForTheInputIsAUserError()
    {
        var error = FluentActions.Invoking(() => Architecture.Create(new NetworkSpec("d6", 3, 32, 32, 10))).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain("too deep");
    }

    [Theory]
    [InlineData("in")]
    [InlineData("gn")]
    [InlineData("bn")]
    [InlineData("ln")]
    public void NormalizationAffineParametersStartAtOneAndZero(string variant)
    {
        using var scope = torch.NewDisposeScope();
        using var network = Architecture.Create(new NetworkSpec(variant, 1, 28, 28, 10));
        var norms = network.modules().Where(m => m is GroupNorm or BatchNorm2d or LayerNorm).ToList();
        norms.Count.Should().Be(3);
        foreach (var norm in norms)
        {
            var parameters = norm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["weight"].eq(1).all().item<bool>().Should().BeTrue();
            parameters["bias"].eq(0).all().item<bool>().Should().BeTrue();
        }

        NetworkProbe.AllFinite(network.call(NetworkProbe.Images(2, 1, 28, 28))).Should().BeTrue();
    }

    [Fact]
    public void ParameterNamesFollowTheReference()
    {
        using var network = Architecture.Create(new NetworkSpec(null, 3, 32, 32, 10));

        string[] expected =
        [
            "features.0.weight", "features.0.bias", "features.1.weight", "features.1.bias",
            "features.4.weight", "features.4.bias", "features.5.weight", "features.5.bias",
            "features.8.weight", "features.8.bias", "features.9.weight", "features.9.bias",
            "classifier.weight", "classifier.bias",
        ];
        network.named_parameters().Select(p => p.name).Should().Equal(expected);
    }
}
