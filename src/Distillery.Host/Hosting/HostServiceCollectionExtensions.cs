using System.Reflection;
using Distillery.Commands;
using Distillery.Components;
using Distillery.Data.Files;
using Distillery.Devices;
using Distillery.Host.Cli;
using Distillery.Host.Commands;
using Distillery.Host.Configuration;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Distillery.Host.Progress;
using Distillery.Networks;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Distillery.Host.Hosting;

/// <summary>The host's own services: plugins and their catalog, consoles, progress, and the commands' helpers.</summary>
internal static class HostServiceCollectionExtensions
{
    public static PluginLoadReport AddDistilleryHost(
        this IServiceCollection services,
        IConfiguration configuration,
        HostArguments arguments,
        Experiment? experiment)
    {
        var sections = new OptionsSections();
        sections.Add(typeof(DeviceOptions), DeviceOptions.Section);
        sections.Add(typeof(WorkspaceOptions), WorkspaceOptions.Section);
        sections.Add(typeof(EvaluationOptions), EvaluationOptions.Section);
        sections.Add(typeof(OutputOptions), OutputOptions.Section);
        sections.Add(typeof(PluginOptions), PluginOptions.Section);
        sections.Add(typeof(DatasetFilesOptions), DatasetFilesOptions.SectionName);
        services.AddSingleton(sections);

        services.AddOptions<OutputOptions>().Bind(configuration.GetSection(OutputOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var pluginOptions = configuration.GetSection(PluginOptions.Section).Get<PluginOptions>() ?? new PluginOptions();
        var report = new PluginManager().LoadAll(pluginOptions, services, configuration);
        foreach (var component in report.ActiveComponents)
        {
            sections.Add(component.Descriptor.OptionsType, component.Descriptor.ConfigurationSection);
        }

        foreach (var settings in report.Plugins.Where(p => p.Status == PluginStatus.Active).SelectMany(p => p.Settings))
        {
            sections.Add(settings.OptionsType, settings.Section);
        }

        services.AddSingleton(report);
        services.AddSingleton<SettingsLayout>();
        services.AddSingleton<SettingsChecker>();
        services.AddSingleton<ComponentCatalog>();
        services.AddSingleton<IComponentCatalog>(sp => sp.GetRequiredService<ComponentCatalog>());
        services.TryAddSingleton<INetworkFactory, CatalogNetworkFactory>();

        services.AddSingleton(arguments);
        services.AddSingleton(new HostIdentity(HostVersion()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProgressDisplay>();
        services.AddSingleton<SetPicture>();
        services.AddSingleton<ISetPicture>(provider => provider.GetRequiredService<SetPicture>());
        services.AddSingleton<ScenarioExecutor>();
        services.AddSingleton<IScenarioRunner>(provider => provider.GetRequiredService<ScenarioExecutor>());
        services.AddSingleton<ICommandOutput, CommandOutput>();
        if (experiment is not null)
        {
            services.AddSingleton(experiment);
        }

        services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        services.AddHostedService<TorchRuntimeService>();
        return report;
    }

    /// <summary>The host's informational version, which carries the commit it was built from.</summary>
    private static string HostVersion() =>
        typeof(HostServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HostServiceCollectionExtensions).Assembly.GetName().Version?.ToString() ?? "unknown";
}
