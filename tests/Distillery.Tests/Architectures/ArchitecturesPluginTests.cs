using Distillery.Architectures;
using Distillery.Components;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Architectures;

public sealed class ArchitecturesPluginTests
{
    [Fact]
    public void RegistersEveryArchitectureWithItsOwnOptionsClass()
    {
        var registry = new RecordingRegistry();

        new ArchitecturesPlugin().Register(registry);

        Assert.Equal(["convnet", "mlp", "lenet", "alexnet", "vgg11", "resnet18"], registry.Architectures.Select(a => a.Name));
        Assert.All(registry.Architectures, a => Assert.False(string.IsNullOrWhiteSpace(a.Help)));
        Assert.All(registry.Architectures, a => Assert.NotEqual(typeof(NoOptions), a.Options));
        Assert.Equal(registry.Architectures.Count, registry.Architectures.Select(a => a.Options).Distinct().Count());
    }

    private sealed class RecordingRegistry : IComponentRegistry
    {
        public List<(string Name, string Help, Type Implementation, Type Options)> Architectures { get; } = [];

        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

        public void AddArchitecture<TArchitecture, TOptions>(string name, string help)
            where TArchitecture : class, IArchitecture
            where TOptions : class =>
            Architectures.Add((name, help, typeof(TArchitecture), typeof(TOptions)));

        public void AddMethod<TMethod, TOptions>(string name, string help)
            where TMethod : class, IDistillationMethod
            where TOptions : class => throw new InvalidOperationException("The architectures plugin adds no methods.");

        public void AddScenario<TScenario, TOptions>(string name, string help)
            where TScenario : class, IScenario
            where TOptions : class => throw new InvalidOperationException("The architectures plugin adds no scenarios.");

        public void AddDataset<TDataset, TOptions>(string name, string help)
            where TDataset : class, IDataset
            where TOptions : class => throw new InvalidOperationException("The architectures plugin adds no datasets.");

        public void AddArtifactStore(string owner) => throw new InvalidOperationException("The architectures plugin keeps no artifacts.");

        public void AddCommand<TCommand>(Distillery.Commands.CommandRegistration command)
            where TCommand : class, Spectre.Console.Cli.ICommand => throw new InvalidOperationException("The architectures plugin adds no commands.");

        public void AddCommandGroup(string name, string description) => throw new InvalidOperationException("The architectures plugin adds no commands.");
    }
}
