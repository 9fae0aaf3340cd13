namespace Distillery.Host.Plugins;

/// <summary>Every plugin folder the host looked at, in load order, with its status, and what was misplaced.</summary>
public sealed record PluginLoadReport(IReadOnlyList<string> Directories, IReadOnlyList<PluginRecord> Plugins)
{
    /// <summary>Things in the plugins folders that were not loaded and need the user's attention (a loose DLL).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IEnumerable<ComponentEntry> ActiveComponents =>
        Plugins.Where(p => p.Status == PluginStatus.Active)
            .SelectMany(p => p.Components)
            .Where(c => c.Status == PluginStatus.Active);

    public IEnumerable<PluginCommand> Commands => Plugins.Where(p => p.Status == PluginStatus.Active).SelectMany(p => p.Commands);

    public IEnumerable<PluginCommandGroup> CommandGroups => Plugins.Where(p => p.Status == PluginStatus.Active).SelectMany(p => p.CommandGroups);
}
