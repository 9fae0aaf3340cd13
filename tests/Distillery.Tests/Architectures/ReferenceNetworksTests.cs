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

        NetworkProbe.ParameterCount(network).Should().Be(parameters);
        network.EmbeddingSize.Should().Be(embedding);
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

            network.EmbeddingSize.Should().Be(embedding);
            features.shape.Should().Equal([2L, embedding]);
            logits.shape.Should().Equal([2L, 10L]);
            NetworkProbe.AllFinite(logits).Should().BeTrue($"{name}:{variant} {channels}x{side}x{side}");
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

        NetworkProbe.Identical(network.call(images), network.Classify(network.Embed(images))).Should().BeTrue();
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

        norms.Should().NotBeEmpty();
        norms.Should().AllSatisfy(norm => norm.Should().BeOfType(normType));
        foreach (var norm in norms)
        {
            var parameters = norm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["weight"].eq(1).all().item<bool>().Should().BeTrue();
            parameters["bias"].eq(0).all().item<bool>().Should().BeTrue();
        }
    }

    [Fact]
    public void ReferenceAlexNetHasNoNormalization()
    {
        using var network = Architectures["alexnet"].Create(new NetworkSpec(null, 3, 32, 32, 10));

        network.modules().Should().NotContain(m => m is GroupNorm || m is BatchNorm2d || m is LayerNorm);
    }

    [Theory]
    [InlineData("vgg11", "ln")]
    [InlineData("resnet18", "gn")]
    [InlineData("alexnet", "in")]
    [InlineData("mlp", "bn")]
    [InlineData("lenet", "bn")]
    public void UnknownVariantsAreUserErrors(string name, string variant)
    {
        var error = FluentActions.Invoking(() => Architectures[name].Create(new NetworkSpec(variant, 3, 32, 32, 10))).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain(name);
    }

    [Fact]
    public void VariantListsNameTheBatchNormVersions()
    {
        Architectures["mlp"].Variants.Should().BeEmpty();
        Architectures["lenet"].Variants.Should().BeEmpty();
        Architectures["alexnet"].Variants.Should().Equal(["nn", "bn"]);
        Architectures["vgg11"].Variants.Should().Equal(["in", "bn"]);
        Architectures["resnet18"].Variants.Should().Equal(["in", "bn"]);
    }

    [Fact]
    public void OptionsValidationRejectsAnUnsupportedNormalization()
    {
        var options = new ResNet18Options { Normalization = NormalizationKind.LayerNorm };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        valid.Should().BeFalse();
        results.Single().MemberNames.Should().Contain(nameof(ResNet18Options.Normalization));
    }

    [Fact]
    public void ResNetParameterNamesFollowTheReference()
    {
        using var network = Architectures["resnet18"].Create(new NetworkSpec(null, 3, 32, 32, 10));
        var names = network.named_parameters().Select(p => p.name).ToList();

        names[0].Should().Be("conv1.weight");
        names.Should().Contain("layer1.0.conv1.weight");
        names.Should().Contain("layer2.0.shortcut.0.weight");
        names.Should().Contain("layer2.0.shortcut.1.weight");
        names.Should().NotContain("layer1.0.shortcut.0.weight");
        names[^1].Should().Be("classifier.bias");
    }
}
