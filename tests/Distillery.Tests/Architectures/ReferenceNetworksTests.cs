using Distillery.Architectures.Classic;
using Distillery.Architectures.Layers;
using Distillery.Architectures.ResNets;
using Distillery.Architectures.Vgg;
using Distillery.Networks;
using Microsoft.Extensions.Options;
using TorchSharp;
using TorchSharp.Modules;

namespace Distillery.Tests.Architectures;

public sealed class ReferenceNetworksTests
{
    internal static readonly Dictionary<string, IArchitecture> Architectures = new(StringComparer.Ordinal)
    {
        ["mlp"] = new MlpArchitecture(Options.Create(new MlpOptions())),
        ["lenet"] = new LeNetArchitecture(),
        ["alexnet"] = new AlexNetArchitecture(Options.Create(new AlexNetOptions())),
        ["vgg11"] = new Vgg11Architecture(Options.Create(new Vgg11Options())),
        ["resnet18"] = new ResNet18Architecture(Options.Create(new ResNet18Options())),
    };

    [Theory]
    [InlineData("mlp", null, 118_282, 128)]
    [InlineData("lenet", null, 61_706, 84)]
    [InlineData("alexnet", null, 1_865_802, 3072)]
    [InlineData("alexnet", "bn", 1_867_722, 3072)]
    [InlineData("vgg11", null, 9_229_962, 512)]
    [InlineData("vgg11", "bn", 9_229_962, 512)]
    [InlineData("resnet18", null, 11_172_810, 512)]
    [InlineData("resnet18", "bn", 11_172_810, 512)]
    public void ParameterCountsOnGrayscale28MatchTheReference(string name, string? variant, long parameters, int embedding)
    {
        using var network = Architectures[name].Create(new NetworkSpec(variant, 1, 28, 28, 10));

        Assert.Equal(parameters, NetworkProbe.ParameterCount(network));
        Assert.Equal(embedding, network.EmbeddingSize);
    }

    [Theory]
    [InlineData("mlp", null, 128)]
    [InlineData("lenet", null, 84)]
    [InlineData("alexnet", null, 3072)]
    [InlineData("alexnet", "bn", 3072)]
    [InlineData("vgg11", null, 512)]
    [InlineData("vgg11", "bn", 512)]
    [InlineData("resnet18", null, 512)]
    [InlineData("resnet18", "bn", 512)]
    public void ColourAndGrayscaleForwardGiveLogitsAndEmbeddings(string name, string? variant, int embedding)
    {
        foreach (var (channels, side) in new[] { (3, 32), (1, 28) })
        {
            using var scope = torch.NewDisposeScope();
            using var network = Architectures[name].Create(new NetworkSpec(variant, channels, side, side, 10));
            network.train();
            var images = NetworkProbe.Images(2, channels, side, side);

            var features = network.Embed(images);
            var logits = network.call(images);

            Assert.Equal(embedding, network.EmbeddingSize);
            Assert.Equal([2L, embedding], features.shape);
            Assert.Equal([2L, 10L], logits.shape);
            Assert.True(NetworkProbe.AllFinite(logits), $"{name}:{variant} {channels}x{side}x{side}");
        }
    }

    [Theory]
    [InlineData("mlp", null)]
    [InlineData("lenet", null)]
    [InlineData("alexnet", "bn")]
    [InlineData("vgg11", null)]
    [InlineData("resnet18", null)]
    [InlineData("resnet18", "bn")]
    public void ForwardEqualsClassifyOfEmbed(string name, string? variant)
    {
        using var scope = torch.NewDisposeScope();
        using var network = Architectures[name].Create(new NetworkSpec(variant, 3, 32, 32, 10));
        network.eval();
        var images = NetworkProbe.Images(2, 3, 32, 32);

        Assert.True(NetworkProbe.Identical(network.call(images), network.Classify(network.Embed(images))));
    }

    [Theory]
    [InlineData("vgg11", null, typeof(GroupNorm))]
    [InlineData("vgg11", "in", typeof(GroupNorm))]
    [InlineData("vgg11", "batchnorm", typeof(BatchNorm2d))]
    [InlineData("resnet18", null, typeof(GroupNorm))]
    [InlineData("resnet18", "BN", typeof(BatchNorm2d))]
    [InlineData("alexnet", "bn", typeof(BatchNorm2d))]
    public void VariantsChooseTheNormalization(string name, string? variant, Type normType)
    {
        using var scope = torch.NewDisposeScope();
        using var network = Architectures[name].Create(new NetworkSpec(variant, 1, 28, 28, 10));
        var norms = network.modules().Where(m => m is GroupNorm or BatchNorm2d).ToList();

        Assert.NotEmpty(norms);
        Assert.All(norms, norm => Assert.IsType(normType, norm));
        foreach (var norm in norms)
        {
            var parameters = norm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            Assert.True(parameters["weight"].eq(1).all().item<bool>());
            Assert.True(parameters["bias"].eq(0).all().item<bool>());
        }
    }

    [Fact]
    public void ReferenceAlexNetHasNoNormalization()
    {
        using var network = Architectures["alexnet"].Create(new NetworkSpec(null, 3, 32, 32, 10));

        Assert.DoesNotContain(network.modules(), m => m is GroupNorm or BatchNorm2d or LayerNorm);
    }

    [Theory]
    [InlineData("vgg11", "ln")]
    [InlineData("resnet18", "gn")]
    [InlineData("alexnet", "in")]
    [InlineData("mlp", "bn")]
    [InlineData("lenet", "bn")]
    public void UnknownVariantsAreUserErrors(string name, string variant)
    {
        var error = Assert.Throws<UserErrorException>(() => Architectures[name].Create(new NetworkSpec(variant, 3, 32, 32, 10)));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariantListsNameTheBatchNormVersions()
    {
        Assert.Empty(Architectures["mlp"].Variants);
        Assert.Empty(Architectures["lenet"].Variants);
        Assert.Equal(["nn", "bn"], Architectures["alexnet"].Variants);
        Assert.Equal(["in", "bn"], Architectures["vgg11"].Variants);
        Assert.Equal(["in", "bn"], Architectures["resnet18"].Variants);
    }

    [Fact]
    public void OptionsValidationRejectsAnUnsupportedNormalization()
    {
        var options = new ResNet18Options { Normalization = NormalizationKind.LayerNorm };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(nameof(ResNet18Options.Normalization), results.Single().MemberNames);
    }

    [Fact]
    public void ResNetParameterNamesFollowTheReference()
    {
        using var network = Architectures["resnet18"].Create(new NetworkSpec(null, 3, 32, 32, 10));
        var names = network.named_parameters().Select(p => p.name).ToList();

        Assert.Equal("conv1.weight", names[0]);
        Assert.Contains("layer1.0.conv1.weight", names);
        Assert.Contains("layer2.0.shortcut.0.weight", names);
        Assert.Contains("layer2.0.shortcut.1.weight", names);
        Assert.DoesNotContain("layer1.0.shortcut.0.weight", names);
        Assert.Equal("classifier.bias", names[^1]);
    }
}
