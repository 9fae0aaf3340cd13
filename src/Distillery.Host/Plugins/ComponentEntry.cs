using Distillery.Components;

namespace Distillery.Host.Plugins;

/// <summary>A component a plugin offered, and whether the host took it (a duplicate name is quarantined).</summary>
public sealed record ComponentEntry(ComponentDescriptor Descriptor, PluginStatus Status, string? Reason = null);
