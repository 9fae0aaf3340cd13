using Distillery.Components;
using Distillery.Data;
using Distillery.Datasets;
using Distillery.Datasets.Idx;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Datasets;

public sealed class DatasetsPluginTests
{
    [Fact]
    public void Registers_every_dataset_with_its_options()
    {
        var registry = new Registry(new ConfigurationBuilder().Build());

        new DatasetsPlugin().Register(registry);

        Assert.Equal(["fashion-mnist", "mnist", "cifar10", "image-folder"], registry.Datasets.Select(d => d.Name));
        Assert.All(registry.Datasets, d => Assert.False(string.IsNullOrWhiteSpace(d.Help)));
        Assert.Equal(4, registry.Datasets.Select(d => d.Options).Distinct().Count());
    }

    [Fact]
    public async Task A_registered_dataset_is_built_by_the_container_with_its_bound_options()
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

        Assert.Equal(20, splits.Train.Count);
    }

    /// <summary>Registers components the way a host does: the type, and its options bound from its section.</summary>
    private sealed class Registry(IConfiguration configuration) : IComponentRegistry
    {
        public List<(string Name, string Help, Type Options)> Datasets { get; } = [];

        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = configuration;

        public void AddDataset<TDataset, TOptions>(string name, string help)
            where TDataset : class, IDataset
            where TOptions : class
        {
            Datasets.Add((name, help, typeof(TOptions)));
            Services.AddOptions<TOptions>().Bind(Configuration.GetSection($"{ComponentSections.Datasets}:{name}")).ValidateDataAnnotations();
            Services.AddTransient<TDataset>();
        }

        public void AddMethod<TMethod, TOptions>(string name, string help)
            where TMethod : class, IDistillationMethod
            where TOptions : class => throw new NotSupportedException();

        public void AddArchitecture<TArchitecture, TOptions>(string name, string help)
            where TArchitecture : class, IArchitecture
            where TOptions : class => throw new NotSupportedException();

        public void AddScenario<TScenario, TOptions>(string name, string help)
            where TScenario : class, IScenario
            where TOptions : class => throw new NotSupportedException();

        public void AddArtifactStore(string owner) => throw new NotSupportedException();

        public void AddCommand<TCommand>(Distillery.Commands.CommandRegistration command)
            where TCommand : class, Spectre.Console.Cli.ICommand => throw new NotSupportedException();

        public void AddCommandGroup(string name, string description) => throw new NotSupportedException();
    }
}
