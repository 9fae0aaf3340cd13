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
    private static readonly ConvNetArchitecture Architecture = new(Options.Create(new ConvNetOptions()));

    [Fact]
    public void DefaultConvNetHasTheReferenceParameterCountOnGrayscale28()
    {
        using var network = Architecture.Create(new NetworkSpec(null, 1, 28, 28, 10));

        Assert.Equal(317_706, NetworkProbe.ParameterCount(network));
        Assert.Equal(2048, network.EmbeddingSize);
        Assert.Equal(ConvNetSettings.Default, ((ConvNet)network).Settings);
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

        Assert.Equal(2048, network.EmbeddingSize);
        Assert.Equal([3L, 2048L], embedding.shape);
        Assert.Equal([3L, 10L], logits.shape);
    }

    [Fact]
    public void ForwardEqualsClassifyOfEmbed()
    {
        using var scope = torch.NewDisposeScope();
        using var network = Architecture.Create(new NetworkSpec("d2-w32-leakyrelu-layernorm-maxpool", 3, 32, 32, 7));
        var images = NetworkProbe.Images(4, 3, 32, 32);

        var direct = network.call(images);
        var composed = network.Classify(network.Embed(images));

        Assert.True(NetworkProbe.Identical(direct, composed));
    }

    [Fact]
    public void SearchSpaceHas720DistinctNamesThatReadBackToThemselves()
    {
        var names = Architecture.Variants;

        Assert.Equal(4 * 4 * 3 * 5 * 3, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("d3-w128-relu-instancenorm-avgpool", names);
        Assert.All(names, name => Assert.Equal(name, ConvNetVariant.Parse(name, ConvNetSettings.Default).Name));
    }

    [Fact]
    public void EverySearchSpaceVariantBuildsAndASampleRuns()
    {
        using var scope = torch.NewDisposeScope();
        var images = NetworkProbe.Images(2, 1, 28, 28);
        var names = Architecture.Variants;
        for (var i = 0; i < names.Count; i++)
        {
            using var iteration = torch.NewDisposeScope();
            using var network = Architecture.Create(new NetworkSpec(names[i], 1, 28, 28, 10));
            var settings = ((ConvNet)network).Settings;
            Assert.Equal(names[i], settings.Name);
            var pooled = settings.Pooling == PoolingKind.None ? 0 : settings.Depth;
            var side = 32 >> pooled;
            Assert.Equal(settings.Width * side * side, network.EmbeddingSize);

            // Every 7th variant (coprime with the 3 poolings and 5 normalizations) covers each kind in every position.
            if (i % 7 == 0)
            {
                network.train();
                var logits = network.call(images);
                Assert.Equal([2L, 10L], logits.shape);
                Assert.True(NetworkProbe.AllFinite(logits), names[i]);
            }
        }
    }

    [Theory]
    [InlineData("bn", 3, 128, ActivationKind.Relu, NormalizationKind.BatchNorm, PoolingKind.AvgPooling)]
    [InlineData("nn", 3, 128, ActivationKind.Relu, NormalizationKind.None, PoolingKind.AvgPooling)]
    [InlineData("ln-mp", 3, 128, ActivationKind.Relu, NormalizationKind.LayerNorm, PoolingKind.MaxPooling)]
    [InlineData("gn-np-d1", 1, 128, ActivationKind.Relu, NormalizationKind.GroupNorm, PoolingKind.None)]
    [InlineData("AS-w32-in", 3, 32, ActivationKind.Sigmoid, NormalizationKind.InstanceNorm, PoolingKind.AvgPooling)]
    [InlineData("al_d4_w256_ap", 4, 256, ActivationKind.LeakyRelu, NormalizationKind.InstanceNorm, PoolingKind.AvgPooling)]
    [InlineData("maxpooling-ar-w64", 3, 64, ActivationKind.Relu, NormalizationKind.InstanceNorm, PoolingKind.MaxPooling)]
    [InlineData("avgpool-groupnorm-sigmoid-w48-d2", 2, 48, ActivationKind.Sigmoid, NormalizationKind.GroupNorm, PoolingKind.AvgPooling)]
    [InlineData("", 3, 128, ActivationKind.Relu, NormalizationKind.InstanceNorm, PoolingKind.AvgPooling)]
    public void VariantTokensComeInAnyOrderAndSubset(
        string variant, int depth, int width, ActivationKind activation, NormalizationKind norm, PoolingKind pooling)
    {
        var settings = ConvNetVariant.Parse(variant, ConvNetSettings.Default);

        Assert.Equal(new ConvNetSettings(depth, width, activation, norm, pooling), settings);
    }

    [Fact]
    public void MissingTokensTakeTheConfiguredDefaults()
    {
        var architecture = new ConvNetArchitecture(Options.Create(new ConvNetOptions { Depth = 2, Width = 64 }));

        using var network = (ConvNet)architecture.Create(new NetworkSpec("bn", 3, 32, 32, 10));

        Assert.Equal(new ConvNetSettings(2, 64, ActivationKind.Relu, NormalizationKind.BatchNorm, PoolingKind.AvgPooling), network.Settings);
    }

    [Theory]
    [InlineData("d3-w128-tanh")]
    [InlineData("none")]
    [InlineData("d3-x")]
    public void UnknownTokenIsAUserErrorListingTheValidTokens(string variant)
    {
        var error = Assert.Throws<UserErrorException>(() => Architecture.Create(new NetworkSpec(variant, 1, 28, 28, 10)));

        Assert.Contains("Unknown ConvNet variant token", error.Message, StringComparison.Ordinal);
        Assert.Contains("instancenorm|", error.Message, StringComparison.Ordinal);
        Assert.Contains("avgpool", error.Message, StringComparison.Ordinal);
        Assert.Contains("leakyrelu", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d2-d3")]
    [InlineData("bn-in")]
    [InlineData("d0")]
    [InlineData("d9")]
    [InlineData("w0")]
    [InlineData("w30-gn")]
    public void ContradictoryOrOutOfRangeVariantsAreUserErrors(string variant) =>
        Assert.Throws<UserErrorException>(() => Architecture.Create(new NetworkSpec(variant, 3, 32, 32, 10)));

    [Fact]
    public void TooDeepForTheInputIsAUserError()
    {
        var error = Assert.Throws<UserErrorException>(() => Architecture.Create(new NetworkSpec("d6", 3, 32, 32, 10)));

        Assert.Contains("too deep", error.Message, StringComparison.Ordinal);
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
        Assert.Equal(3, norms.Count);
        foreach (var norm in norms)
        {
            var parameters = norm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            Assert.True(parameters["weight"].eq(1).all().item<bool>());
            Assert.True(parameters["bias"].eq(0).all().item<bool>());
        }

        Assert.True(NetworkProbe.AllFinite(network.call(NetworkProbe.Images(2, 1, 28, 28))));
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
        Assert.Equal(expected, network.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void SameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot()
    {
        using var scope = torch.NewDisposeScope();
        var spec = new NetworkSpec("d2-w32", 1, 28, 28, 10);
        torch.random.manual_seed(42);
        using var first = Architecture.Create(spec);
        torch.random.manual_seed(42);
        using var second = Architecture.Create(spec);
        torch.random.manual_seed(43);
        using var third = Architecture.Create(spec);

        var pairs = first.parameters().Zip(second.parameters());
        Assert.All(pairs, pair => Assert.True(NetworkProbe.Identical(pair.First, pair.Second)));
        Assert.False(NetworkProbe.Identical(first.parameters().First(), third.parameters().First()));
    }
}
