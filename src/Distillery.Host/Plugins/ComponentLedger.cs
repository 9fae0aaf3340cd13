using Distillery.Components;

namespace Distillery.Host.Plugins;

/// <summary>Which plugin holds each component name and each options class, across all plugins loaded so far.</summary>
internal sealed class ComponentLedger
{
    private readonly Dictionary<(ComponentKind Kind, string Name), ComponentDescriptor> _names = [];
    private readonly Dictionary<Type, ComponentDescriptor> _options = [];
    private readonly Dictionary<string, string> _artifactOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _commandWords = new(StringComparer.Ordinal);

    public ComponentDescriptor? Holder(ComponentKind kind, string name) =>
        _names.GetValueOrDefault((kind, name.ToLowerInvariant()));

    public ComponentDescriptor? OptionsHolder(Type optionsType) => _options.GetValueOrDefault(optionsType);

    /// <summary>The plugin that holds this artifact owner name, or null.</summary>
    public string? ArtifactOwnerHolder(string owner) => _artifactOwners.GetValueOrDefault(owner);

    /// <summary>Who holds the first word of a command path: the host, a plugin's id, or null.</summary>
    public string? CommandWordHolder(string word) =>
        Cli.CommandTree.HostCommands.Contains(word) ? "the host" : _commandWords.GetValueOrDefault(word);

    public void Commit(string pluginId, IEnumerable<string> artifactOwners, IEnumerable<string> commandWords)
    {
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
