using Distillery.Components;
using Distillery.Data;
using Distillery.Host.Plugins;
using Distillery.Networks;
using Distillery.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Architectures;

/// <summary>
/// The host's network factory with the built-in architectures. These tests read torch's global generator, so they run
/// alone.
/// </summary>
[Collection(GlobalTorchRandomCollection.Name)]
public sealed class NetworkFactoryTests
{
    private static readonly DatasetInfo Gray = new("gray", 1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => $"c{i}")], [0.5f], [0.5f]);
    private static readonly DatasetInfo Colour = new("colour", 3, 32, 32, [.. Enumerable.Range(0, 10).Select(i => $"c{i}")], [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);

    private readonly CatalogNetworkFactory _factory = new(new ArchitectureCatalog());

    [Fact]
    public void ANetworkDependsOnlyOnItsArchitectureShapeAndSeed()
    {
        using var scope = torch.NewDisposeScope();
        using var a = _factory.Create("convnet:d2-w16", Gray, 1, torch.CPU);
        using var b = _factory.Create("convnet:d2-w16", Gray, 2, torch.CPU);
        using var other = _factory.Create("lenet", Colour, 3, torch.CPU);

        // Another order, with draws from the global generator in between.
        _ = torch.rand(100);
        using var bAgain = _factory.Create("convnet:d2-w16", Gray, 2, torch.CPU);
        torch.random.manual_seed(12345);
        using var aAgain = _factory.Create("convnet:d2-w16", Gray, 1, torch.CPU);

        Weights(aAgain).Should().Equal(Weights(a));
        Weights(bAgain).Should().Equal(Weights(b));
        Weights(b).Should().NotEqual(Weights(a));
    }

    [Theory]
    [InlineData("convnet")]
    [InlineData("convnet:d1-w8-batchnorm")]
    [InlineData("mlp")]
    [InlineData("alexnet:bn")]
    [InlineData("resnet18")]
    public void TheWeightsAreThoseOfTheSeededGlobalGenerator(string architecture)
    {
        // What every caller did before the factory took the seed: seed the global generator, then build.
        using var scope = torch.NewDisposeScope();
        var (name, variant) = ArchitectureName.Split(architecture);
        torch.random.manual_seed(77);
        using var seededByHand = new ArchitectureCatalog().Resolve<IArchitecture>(name)
            .Create(new NetworkSpec(variant, Colour.Channels, Colour.Height, Colour.Width, Colour.NumClasses));

        _ = torch.rand(10);
        using var made = _factory.Create(architecture, Colour, 77, torch.CPU);

        Weights(made).Should().Equal(Weights(seededByHand));
    }

    [Fact]
    public void TheGlobalGeneratorIsLeftAsItWas()
    {
        using var scope = torch.NewDisposeScope();
        torch.random.manual_seed(5);
        var before = torch.random.get_rng_state();

        using var network = _factory.Create("convnet:d1-w8", Gray, 9, torch.CPU);

        NetworkProbe.Identical(torch.random.get_rng_state(), before).Should().BeTrue();
    }

    [Fact]
    public void TheGlobalGeneratorIsLeftAsItWasWhenTheArchitectureRefusesTheVariant()
    {
        using var scope = torch.NewDisposeScope();
        torch.random.manual_seed(6);
        var before = torch.random.get_rng_state();

        _factory.Invoking(f => f.Create("convnet:d6", Colour, 9, torch.CPU)).Should().Throw<UserErrorException>();

        NetworkProbe.Identical(torch.random.get_rng_state(), before).Should().BeTrue();
    }

    [Fact]
    public void NetworksMadeOnSeveralThreadsAtOnceAreThoseMadeOneAfterTheOther()
    {
        using var scope = torch.NewDisposeScope();
        var seeds = Enumerable.Range(1, 8).Select(i => (long)i).ToArray();
        var alone = seeds.Select(seed =>
        {
            using var network = _factory.Create("convnet:d1-w8", Gray, seed, torch.CPU);
            return Weights(network);
        }).ToList();

        var together = new float[seeds.Length][];
        Parallel.For(0, seeds.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var network = _factory.Create("convnet:d1-w8", Gray, seeds[i], torch.CPU);
            together[i] = Weights(network);
        });

        for (var i = 0; i < seeds.Length; i++)
        {
            together[i].Should().Equal(alone[i], $"network {i} was made with seed {seeds[i]}");
        }
    }

    [Fact]
    public void ANetworkComesBackOnTheRequestedDevice()
    {
        using var network = _factory.Create("convnet:d1-w8", Gray, 1, torch.CPU);

        network.parameters().Should().NotBeEmpty().And.OnlyContain(p => p.device_type == DeviceType.CPU);
    }

    private static float[] Weights(Network network)
    {
        using var scope = torch.NewDisposeScope();
        return torch.cat(network.parameters().Select(p => p.detach().flatten()).ToList(), 0).data<float>().ToArray();
    }

    /// <summary>The built-in architectures, by name, as the host's catalog would resolve them.</summary>
    private sealed class ArchitectureCatalog : IComponentCatalog
    {
        public IReadOnlyList<ComponentDescriptor> Components => [];

        public IReadOnlyList<ComponentKind> Kinds => [ComponentKind.Architecture];

        public IReadOnlyList<string> Names(ComponentKind kind) => [];

        public ComponentDescriptor Find(ComponentKind kind, string name) => throw new NotSupportedException();

        public T Resolve<T>(string name, IReadOnlyDictionary<string, string?> overrides)
            where T : class => Resolve<T>(name);

        public ResolvedComponent<T> ResolveWithOptions<T>(string name, IReadOnlyDictionary<string, string?>? overrides = null)
            where T : class => throw new NotSupportedException();

        public T Resolve<T>(string name)
            where T : class
        {
            var architecture = name == "convnet" ? ConvNetTests.Architecture : ReferenceNetworksTests.Architectures[name];
            return (T)architecture;
        }
    }
}
