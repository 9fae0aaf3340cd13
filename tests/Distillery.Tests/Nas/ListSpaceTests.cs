using Distillery.Components;
using Distillery.Nas.Spaces;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

public sealed class ListSpaceTests
{
    [Fact]
    public void TheNeighboursOfAListedConvNetAreTheListedOnesNearestInItsDimensions()
    {
        var space = Space(
            "convnet:d2-w64-relu-batchnorm-maxpool",
            "convnet:d3-w64-relu-batchnorm-maxpool",
            "convnet:d2-w64-sigmoid-batchnorm-maxpool",
            "convnet:d4-w128-sigmoid-nonorm-nopool",
            "lenet");

        var neighbours = space.Neighbours(space.Parse("convnet:d2-w64-relu-batchnorm-maxpool"));

        neighbours.Select(c => c.Name).Should().Equal("convnet:d3-w64-relu-batchnorm-maxpool", "convnet:d2-w64-sigmoid-batchnorm-maxpool");
        space.Neighbours(space.Parse("lenet")).Should().HaveCount(4, "no listed name shares a token with lenet");
    }

    [Fact]
    public void ACandidateIsBuiltAsTheArchitectureItNames()
    {
        var space = Space("convnet:d2-w64-relu-batchnorm-maxpool", "lenet");

        space.Architecture(space.Parse("lenet")).Should().Be("lenet");
        var act = () => space.Parse("vgg11");
        act.Should().Throw<UserErrorException>().WithMessage("*not a candidate of the list search space*lenet*");
    }

    private static ListSpace Space(params string[] names) =>
        new(Options.Create(new ListSpaceOptions { Candidates = names }), new AnyArchitecture());

    /// <summary>A catalog that knows every architecture name it is asked about.</summary>
    private sealed class AnyArchitecture : IComponentCatalog
    {
        public IReadOnlyList<ComponentDescriptor> Components => [];

        public IReadOnlyList<ComponentKind> Kinds => [];

        public IReadOnlyList<string> Names(ComponentKind kind) => [];

        public ComponentDescriptor Find(ComponentKind kind, string name) => null!;

        public T Resolve<T>(string name)
            where T : class => throw new NotSupportedException();

        public T Resolve<T>(string name, IReadOnlyDictionary<string, string?> overrides)
            where T : class => throw new NotSupportedException();

        public ResolvedComponent<T> ResolveWithOptions<T>(string name, IReadOnlyDictionary<string, string?>? overrides = null)
            where T : class => throw new NotSupportedException();
    }
}
