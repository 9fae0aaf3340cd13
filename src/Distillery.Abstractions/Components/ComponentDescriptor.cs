namespace Distillery.Components;

/// <summary>One registered component: what it is, where it came from, where its options live.</summary>
public sealed record ComponentDescriptor(
    ComponentKind Kind,
    string Name,
    string Help,
    string PluginId,
    string PluginVersion,
    Type ImplementationType,
    Type OptionsType)
{
    /// <summary>The configuration section its options bind from, e.g. <c>Methods:herding</c>.</summary>
    public string ConfigurationSection => $"{Kind.Section}:{Name}";
}
