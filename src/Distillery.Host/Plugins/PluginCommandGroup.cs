namespace Distillery.Host.Plugins;

/// <summary>A group of commands a plugin brought (the first word of its two-word commands) and its help.</summary>
public sealed record PluginCommandGroup(string Name, string Description, string PluginId);
