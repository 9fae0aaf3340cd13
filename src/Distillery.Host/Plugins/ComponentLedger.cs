using Distillery.Components;

namespace Distillery.Host.Plugins;

/// <summary>Which plugin holds each component name and each options class, across all plugins loaded so far.</summary>
internal sealed class ComponentLedger
{
    private readonly Dictionary<(ComponentKind Kind, string Name), ComponentDescriptor> _names = [];
    private readonly Dictionary<Type, ComponentDescriptor> _options = [];

    public ComponentDescriptor? Holder(ComponentKind kind, string name) =>
        _names.GetValueOrDefault((kind, name.ToLowerInvariant()));

    public ComponentDescriptor? OptionsHolder(Type optionsType) => _options.GetValueOrDefault(optionsType);

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
