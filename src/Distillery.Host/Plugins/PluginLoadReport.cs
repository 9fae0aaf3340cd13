namespace Distillery.Host.Plugins;

/// <summary>Every plugin folder the host looked at, in load order, with its status.</summary>
public sealed record PluginLoadReport(string Directory, IReadOnlyList<PluginRecord> Plugins)
{
    public IEnumerable<ComponentEntry> ActiveComponents =>
        Plugins.Where(p => p.Status == PluginStatus.Active)
            .SelectMany(p => p.Components)
            .Where(c => c.Status == PluginStatus.Active);

    public IEnumerable<PluginCommand> Commands => Plugins.Where(p => p.Status == PluginStatus.Active).SelectMany(p => p.Commands);

    public IEnumerable<PluginCommandGroup> CommandGroups => Plugins.Where(p => p.Status == PluginStatus.Active).SelectMany(p => p.CommandGroups);
}
