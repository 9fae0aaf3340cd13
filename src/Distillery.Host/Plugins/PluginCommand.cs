using Distillery.Commands;

namespace Distillery.Host.Plugins;

/// <summary>A command a plugin brought: its registration and the command type the parser builds.</summary>
public sealed record PluginCommand(CommandRegistration Registration, Type CommandType, string PluginId);
