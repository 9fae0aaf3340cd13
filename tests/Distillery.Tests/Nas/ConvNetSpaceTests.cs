using Distillery.Architectures.ConvNets;
using Distillery.Nas.Spaces;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

public sealed class ConvNetSpaceTests
{
    private static ConvNetSpace Space(ConvNetSpaceOptions? options = null) => new(Options.Create(options ?? new ConvNetSpaceOptions()));

    [Fact]
    public void TheSpaceHoldsThe720VariantsTheArchitecturesPluginNames()
    {
        var names = Space().Enumerate().Select(c => c.Name).ToList();

        names.Should().HaveCount(720).And.OnlyHaveUniqueItems();
        names.Should().BeEquivalentTo(ConvNetVariant.SearchSpace.Select(ConvNetVariant.Format));
    }

    [Fact]
    public void ACandidateIsBuiltAsTheConvNetVariantOfItsName()
    {
        var space = Space();
        var candidate = space.Parse("d3-w128-relu-instancenorm-avgpool");

        space.Architecture(candidate).Should().Be("convnet:d3-w128-relu-instancenorm-avgpool");
        candidate.Choices.Should().Contain(new KeyValuePair<string, string>("depth", "3")).And.Contain(new KeyValuePair<string, string>("pooling", "avgpool"));
        space.Parse("convnet:d3-w128-relu-instancenorm-avgpool").Should().Be(candidate);
    }

    [Fact]
    public void ANameOutsideTheSpaceIsAUserErrorThatSaysWhatTheSpaceHolds()
    {
        var narrowed = Space(new ConvNetSpaceOptions { Widths = [32, 64] });

        var act = () => narrowed.Parse("d3-w128-relu-instancenorm-avgpool");

        act.Should().Throw<UserErrorException>().WithMessage("*not a candidate*width 32|64*");
    }

    [Fact]
    public void EveryNeighbourDiffersInExactlyOneDimension()
    {
        var space = Space();
        var candidate = space.Parse("d2-w64-sigmoid-batchnorm-maxpool");

        var neighbours = space.Neighbours(candidate);

        neighbours.Should().HaveCount(3 + 3 + 2 + 4 + 2).And.OnlyHaveUniqueItems();
        neighbours.Should().AllSatisfy(n => n.Choices.Count(pair => candidate.Choices[pair.Key] != pair.Value).Should().Be(1));
    }

    [Fact]
    public void ABalancedSampleShowsEveryValueOfEveryDimensionAsEvenlyAsItsSizeAllows()
    {
        var space = Space(new ConvNetSpaceOptions { Widths = [32, 64, 128] });

        var sample = space.Sample(40, seed: 0);

        sample.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        foreach (var dimension in space.Dimensions)
        {
            var counts = dimension.Values.Select(v => sample.Count(c => c.Choices[dimension.Name] == v)).ToList();
            counts.Should().AllSatisfy(n => n.Should().BeInRange(40 / dimension.Values.Count, (40 / dimension.Values.Count) + 1), dimension.Name);
        }
    }

    [Fact]
    public void TheSameSeedDrawsTheSameSampleAndAnotherSeedAnother()
    {
        var space = Space();

        space.Sample(25, seed: 7).Should().Equal(space.Sample(25, seed: 7));
        space.Sample(25, seed: 8).Should().NotEqual(space.Sample(25, seed: 7));
    }

    [Fact]
    public void ASampleAsLargeAsTheSpaceIsTheWholeSpaceInASeededOrder()
    {
        var space = Space(new ConvNetSpaceOptions { Depths = [1], Widths = [32], Normalizations = ["nonorm"] });

        space.Sample(100, seed: 1).Should().BeEquivalentTo(space.Enumerate()).And.HaveCount(9);
    }

    [Fact]
    public void ANarrowingValueOutsideTheSpaceIsAUserErrorNamingTheSetting()
    {
        var act = () => Space(new ConvNetSpaceOptions { Activations = ["relu", "gelu"] });

        act.Should().Throw<UserErrorException>()
            .WithMessage("*'gelu' is not among the ConvNet space's activation values: use sigmoid, relu, leakyrelu*")
            .Which.Setting.Should().Be("SearchSpaces:convnet:Activations");
    }
}
