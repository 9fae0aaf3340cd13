using System.Text.RegularExpressions;
using Distillery.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Host.Plugins;

/// <summary>
/// What one plugin registers with. Registrations go into a scratch service collection that the host copies into its
/// own only when the plugin's <see cref="Distillery.Plugins.IDistilleryPlugin.Register"/> returns, so a plugin that
/// throws half-way leaves nothing behind. A name already taken quarantines that component, not the plugin.
/// </summary>
internal sealed partial class ComponentRegistry(
    PluginManifest manifest,
    IConfiguration configuration,
    ComponentLedger ledger) : IComponentRegistry
{
    private readonly List<ComponentEntry> _entries = [];

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = configuration;

    public IReadOnlyList<ComponentEntry> Entries => _entries;

    public IEnumerable<ComponentDescriptor> Accepted =>
        _entries.Where(e => e.Status == PluginStatus.Active).Select(e => e.Descriptor);

    public void AddComponent<TService, TImplementation, TOptions>(string name, string help)
        where TService : class
        where TImplementation : class, TService
        where TOptions : class, new()
    {
        var kind = ComponentKind.Of(typeof(TService));
        if (name is null || !ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Component name '{name}' is not valid: use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit.",
                nameof(name));
        }

        var descriptor = new ComponentDescriptor(
            kind, name, help ?? string.Empty, manifest.Id, manifest.Version, typeof(TImplementation), typeof(TOptions));

        var holder = ledger.Holder(kind, name) ?? Accepted.FirstOrDefault(d => d.Kind == kind && d.Name == name);
        if (holder is not null)
        {
            _entries.Add(new ComponentEntry(
                descriptor,
                PluginStatus.Malfunctioned,
                $"{Describe(kind)} name '{name}' is already taken by plugin '{holder.PluginId}' {holder.PluginVersion}."));
            return;
        }

        if (typeof(TOptions) != typeof(NoOptions))
        {
            var optionsHolder = ledger.OptionsHolder(typeof(TOptions))
                ?? Accepted.FirstOrDefault(d => d.OptionsType == typeof(TOptions));
            if (optionsHolder is not null)
            {
                throw new InvalidOperationException(
                    $"Options class {typeof(TOptions).FullName} is registered twice (for {Describe(optionsHolder.Kind)} " +
                    $"'{optionsHolder.Name}' and {Describe(kind)} '{name}'); each component needs its own options class.");
            }

            Services.AddOptions<TOptions>()
                .Bind(Configuration.GetSection(descriptor.ConfigurationSection))
                .ValidateDataAnnotations()
                .ValidateOnStart();
        }

        Services.AddKeyedTransient<TService, TImplementation>(name);
        _entries.Add(new ComponentEntry(descriptor, PluginStatus.Active));
    }

    internal static string Describe(ComponentKind kind) => kind.Name;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex ValidName();
}
