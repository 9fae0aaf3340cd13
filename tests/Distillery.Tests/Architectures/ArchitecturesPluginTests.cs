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

        registry.Architectures.Select(a => a.Name).Should().Equal(["convnet", "mlp", "lenet", "alexnet", "vgg11", "resnet18"]);
        registry.Architectures.Should().AllSatisfy(a => string.IsNullOrWhiteSpace(a.Help).Should().BeFalse());
        registry.Architectures.Should().AllSatisfy(a => a.Options.Should().NotBe(typeof(NoOptions)));
        registry.Architectures.Select(a => a.Options).Distinct().Count().Should().Be(registry.Architectures.Count);
    }

    private sealed class RecordingRegistry : IComponentRegistry
    {
        public List<(string Name, string Help, Type Implementation, Type Options)> Architectures { get; } = [];

        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

        public void AddComponent<TService, TImplementation, TOptions>(string name, string help)
            where TService : class
            where TImplementation : class, TService
            where TOptions : class, new()
        {
            if (typeof(TService) != typeof(IArchitecture))
            {
                throw new InvalidOperationException($"The architectures plugin adds only architectures, not {typeof(TService).Name}.");
            }

            Architectures.Add((name, help, typeof(TImplementation), typeof(TOptions)));
        }

        public void AddArtifactStore(string owner) => throw new InvalidOperationException("The architectures plugin keeps no artifacts.");

        public void AddSettings<TOptions>(string section)
            where TOptions : class, new() => throw new InvalidOperationException("The architectures plugin binds no settings of its own.");

        public void AddCommand<TCommand>(Distillery.Commands.CommandRegistration command)
            where TCommand : class, Spectre.Console.Cli.ICommand => throw new InvalidOperationException("The architectures plugin adds no commands.");

        public void AddCommandGroup(string name, string description) => throw new InvalidOperationException("The architectures plugin adds no commands.");
    }
}
