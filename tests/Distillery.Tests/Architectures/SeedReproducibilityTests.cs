using Distillery.Networks;
using TorchSharp;

namespace Distillery.Tests.Architectures;

public sealed class SeedReproducibilityTests
{
    [Theory]
    [InlineData("convnet", null)]
    [InlineData("convnet", "d4-w64-sigmoid-layernorm-maxpool")]
    [InlineData("mlp", null)]
    [InlineData("lenet", null)]
    [InlineData("alexnet", "bn")]
    [InlineData("vgg11", null)]
    [InlineData("resnet18", null)]
    public void SameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot(string name, string? variant)
    {
        using var scope = torch.NewDisposeScope();
        var spec = new NetworkSpec(variant, 1, 28, 28, 10);
        using var first = SeededConstruction.Build(42, torch.CPU, () => Create(name, spec));
        using var second = SeededConstruction.Build(42, torch.CPU, () => Create(name, spec));
        using var third = SeededConstruction.Build(43, torch.CPU, () => Create(name, spec));

        first.parameters().Zip(second.parameters()).Should().AllSatisfy(pair => NetworkProbe.Identical(pair.First, pair.Second).Should().BeTrue());
        NetworkProbe.Identical(first.parameters().First(), third.parameters().First()).Should().BeFalse();
    }

    private static Network Create(string name, NetworkSpec spec) => name == "convnet"
        ? ConvNetTests.Architecture.Create(spec)
        : ReferenceNetworksTests.Architectures[name].Create(spec);
}
