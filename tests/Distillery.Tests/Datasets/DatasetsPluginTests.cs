using Distillery.Components;
using Distillery.Data;
using Distillery.Datasets;
using Distillery.Datasets.Idx;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Scenarios;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Datasets;

public sealed class DatasetsPluginTests
{
    [Fact]
    public void RegistersEveryDatasetWithItsOptions()
    {
        var registry = new Registry(new ConfigurationBuilder().Build());

        new DatasetsPlugin().Register(registry);

        registry.Datasets.Select(d => d.Name).Should().Equal(["fashion-mnist", "mnist", "cifar10", "image-folder"]);
        registry.Datasets.Should().AllSatisfy(d => string.IsNullOrWhiteSpace(d.Help).Should().BeFalse());
        registry.Datasets.Select(d => d.Options).Distinct().Count().Should().Be(4);
    }

    [Fact]
    public async Task ARegisteredDatasetIsBuiltByTheContainerWithItsBoundOptions()
    {
        using var cache = new TemporaryFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Datasets:CacheRoot"] = cache.Path,
                ["Datasets:SystemRoot"] = cache.Combine("system"),
                ["Datasets:AllowDownload"] = "false",
                ["Datasets:fashion-mnist:Path"] = FashionMnistFixture.Folder,
                ["Datasets:fashion-mnist:MaxTrainImages"] = "20",
            })
            .Build();
        var registry = new Registry(configuration);
        registry.Services.AddDatasetFiles(configuration);
        new DatasetsPlugin().Register(registry);
        using var services = registry.Services.BuildServiceProvider(validateScopes: true);

        var dataset = services.GetRequiredService<FashionMnistDataset>();
        using var splits = await dataset.LoadAsync(NullProgressReporter.Instance, CancellationToken.None);

        splits.Train.Count.Should().Be(20);
    }

    /// <summary>Registers components the way a host does: the type, and its options bound from its section.</summary>
    private sealed class Registry(IConfiguration configuration) : IComponentRegistry
    {
        public List<(string Name, string Help, Type Options)> Datasets { get; } = [];

        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = configuration;

        public void AddComponent<TService, TImplementation, TOptions>(string name, string help)
            where TService : class
            where TImplementation : class, TService
            where TOptions : class, new()
        {
            if (typeof(TService) != typeof(IDataset))
            {
                throw new NotSupportedException();
            }

            Datasets.Add((name, help, typeof(TOptions)));
            Services.AddOptions<TOptions>().Bind(Configuration.GetSection($"{ComponentSections.Datasets}:{name}")).ValidateDataAnnotations();
            Services.AddTransient<TImplementation>();
        }

        public void AddArtifactStore(string owner) => throw new NotSupportedException();

        public void AddSettings<TOptions>(string section)
            where TOptions : class, new() => throw new NotSupportedException();

        public void AddCommand<TCommand>(Distillery.Commands.CommandRegistration command)
            where TCommand : class, Spectre.Console.Cli.ICommand => throw new NotSupportedException();

        public void AddCommandGroup(string name, string description) => throw new NotSupportedException();
    }
}
