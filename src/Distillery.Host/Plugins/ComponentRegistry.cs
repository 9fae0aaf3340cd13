using System.Text.RegularExpressions;
using Distillery.Commands;
using Distillery.Components;
using Distillery.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

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
    private readonly List<string> _artifactOwners = [];
    private readonly List<PluginCommand> _commands = [];
    private readonly List<PluginCommandGroup> _commandGroups = [];
    private readonly List<PluginSettings> _settings = [];

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = configuration;

    public IReadOnlyList<ComponentEntry> Entries => _entries;

    public IReadOnlyList<string> ArtifactOwners => _artifactOwners;

    public IReadOnlyList<PluginCommand> Commands => _commands;

    public IReadOnlyList<PluginCommandGroup> CommandGroups => _commandGroups;

    public IReadOnlyList<PluginSettings> Settings => _settings;

    /// <summary>The first words of its commands and groups.</summary>
    public IEnumerable<string> CommandWords => _commands.Select(c => c.Registration.Words[0]).Concat(_commandGroups.Select(g => g.Name)).Distinct();

    public IEnumerable<ComponentDescriptor> Accepted =>
        _entries.Where(e => e.Status == PluginStatus.Active).Select(e => e.Descriptor);

    public void AddArtifactStore(string owner)
    {
        global::Distillery.Storage.Artifacts.ArtifactOwners.Check(owner);
        if (ledger.ArtifactOwnerHolder(owner) is { } holder)
        {
            throw new InvalidOperationException($"Artifact owner '{owner}' is already taken by plugin '{holder}'.");
        }

        if (!_artifactOwners.Contains(owner))
        {
            _artifactOwners.Add(owner);
            Services.AddKeyedSingleton<IArtifactStore>(owner, (provider, _) => provider.GetRequiredService<IArtifactStores>().For(owner));
        }
    }

    public void AddSettings<TOptions>(string section)
        where TOptions : class, new()
    {
        if (section is null || !SectionName().IsMatch(section))
        {
            throw new ArgumentException($"Settings section '{section}' is not valid: use letters and digits, starting with a capital letter.", nameof(section));
        }

        var holder = ledger.SettingsHolder(section)
            ?? _settings.FirstOrDefault(s => string.Equals(s.Section, section, StringComparison.OrdinalIgnoreCase))?.PluginId;
        if (holder is not null)
        {
            throw new InvalidOperationException($"Settings section '{section}' is already taken by {(holder == ComponentLedger.Host ? holder : $"plugin '{holder}'")}.");
        }

        Services.AddOptions<TOptions>()
            .Bind(Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        _settings.Add(new PluginSettings(section, typeof(TOptions), manifest.Id));
    }

    public void AddCommand<TCommand>(CommandRegistration command)
        where TCommand : class, ICommand
    {
        ArgumentNullException.ThrowIfNull(command);
        ClaimCommandWord(command.Words[0]);
        if (command.Words.Count == 1 && _commandGroups.Any(g => g.Name == command.Words[0]))
        {
            throw new InvalidOperationException($"'{command.Path}' is a group of commands; it cannot be a command too.");
        }

        if (_commands.Any(c => c.Registration.Path == command.Path || (c.Registration.Words.Count == 1 && c.Registration.Words[0] == command.Words[0])))
        {
            throw new InvalidOperationException($"Command '{command.Path}' is registered twice.");
        }

        if (command.Words.Count == 2 && _commandGroups.All(g => g.Name != command.Words[0]))
        {
            _commandGroups.Add(new PluginCommandGroup(command.Words[0], string.Empty, manifest.Id));
        }

        _commands.Add(new PluginCommand(command, typeof(TCommand), manifest.Id));
    }

    public void AddCommandGroup(string name, string description)
    {
        var group = new CommandRegistration(name, description);
        ClaimCommandWord(name);
        if (_commands.Any(c => c.Registration.Words.Count == 1 && c.Registration.Words[0] == name))
        {
            throw new InvalidOperationException($"'{name}' is a command; it cannot be a group of commands too.");
        }

        _commandGroups.RemoveAll(g => g.Name == name);
        _commandGroups.Add(new PluginCommandGroup(group.Path, group.Description, manifest.Id));
    }

    private void ClaimCommandWord(string word)
    {
        if (ledger.CommandWordHolder(word) is { } holder)
        {
            throw new InvalidOperationException($"Command '{word}' is already taken by {(holder == "the host" ? holder : $"plugin '{holder}'")}.");
        }
    }

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

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex SectionName();
}
