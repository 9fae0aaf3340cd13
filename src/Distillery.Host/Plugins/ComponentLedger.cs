using Distillery.Components;

namespace Distillery.Host.Plugins;

/// <summary>Which plugin holds each component name and each options class, across all plugins loaded so far.</summary>
internal sealed class ComponentLedger
{
    private readonly Dictionary<(ComponentKind Kind, string Name), ComponentDescriptor> _names = [];
    private readonly Dictionary<Type, ComponentDescriptor> _options = [];
    private readonly Dictionary<string, string> _artifactOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _commandWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How a holder that is not a plugin is named.</summary>
    public const string Host = "the host";

    public ComponentDescriptor? Holder(ComponentKind kind, string name) =>
        _names.GetValueOrDefault((kind, name.ToLowerInvariant()));

    public ComponentDescriptor? OptionsHolder(Type optionsType) => _options.GetValueOrDefault(optionsType);

    /// <summary>The plugin that holds this artifact owner name, or null.</summary>
    public string? ArtifactOwnerHolder(string owner) => _artifactOwners.GetValueOrDefault(owner);

    /// <summary>Who holds the first word of a command path: the host, a plugin's id, or null.</summary>
    public string? CommandWordHolder(string word) =>
        Cli.CommandTree.HostCommands.Contains(word) ? Host : _commandWords.GetValueOrDefault(word);

    /// <summary>
    /// Who holds a top-level configuration section: the host (its own sections, the component kinds' and the free
    /// ones), a plugin's id, or null.
    /// </summary>
    public string? SettingsHolder(string section) =>
        Configuration.SettingsLayout.HostRoots.Contains(section, StringComparer.OrdinalIgnoreCase)
        || _names.Keys.Any(k => string.Equals(k.Kind.Section, section, StringComparison.OrdinalIgnoreCase))
            ? Host
            : _settings.GetValueOrDefault(section);

    public void Commit(string pluginId, IEnumerable<string> artifactOwners, IEnumerable<string> commandWords, IEnumerable<string> settings)
    {
        foreach (var section in settings)
        {
            _settings[section] = pluginId;
        }

        foreach (var owner in artifactOwners)
        {
            _artifactOwners[owner] = pluginId;
        }

        foreach (var word in commandWords)
        {
            _commandWords[word] = pluginId;
        }
    }

    public void Commit(IEnumerable<ComponentDescriptor> accepted)
    {
        foreach (var descriptor in accepted)
        {
            _names[(descriptor.Kind, descriptor.Name.ToLowerInvariant())] = descriptor;
            if (descriptor.OptionsType != typeof(NoOptions))
            {
                _options[descriptor.OptionsType] = descriptor;
            }
        }
    }
}
