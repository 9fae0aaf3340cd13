namespace Distillery.Host.Plugins;

/// <summary>Every plugin folder the host looked at, in load order, with its status.</summary>
public sealed record PluginLoadReport(string Directory, IReadOnlyList<PluginRecord> Plugins)
{
    public IEnumerable<ComponentEntry> ActiveComponents =>
        Plugins.Where(p => p.Status == PluginStatus.Active)
            .SelectMany(p => p.Components)
            .Where(c => c.Status == PluginStatus.Active);
}
