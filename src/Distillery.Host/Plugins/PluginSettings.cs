namespace Distillery.Host.Plugins;

/// <summary>A top-level configuration section a plugin binds to an options class of its own.</summary>
public sealed record PluginSettings(string Section, Type OptionsType, string PluginId);
