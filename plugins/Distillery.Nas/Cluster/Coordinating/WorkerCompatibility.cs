using Distillery.Nas.Cluster.Messages;

namespace Distillery.Nas.Cluster.Coordinating;

/// <summary>
/// Whether a worker would score a candidate exactly as the coordinator would: the same host build, contract,
/// TorchSharp, and the same version of every plugin both have.
/// </summary>
internal static class WorkerCompatibility
{
    /// <summary>Why the worker cannot serve this coordinator, or null when it can.</summary>
    public static string? Check(WorkerDescription worker, WorkerDescription coordinator)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(coordinator);
        var differences = new List<string>();
        Compare(differences, "Distillery", worker.HostVersion, coordinator.HostVersion);
        Compare(differences, "the plugin contract", worker.Contract, coordinator.Contract);
        Compare(differences, "TorchSharp", worker.TorchSharp, coordinator.TorchSharp);
        foreach (var (plugin, version) in coordinator.Plugins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (worker.Plugins.TryGetValue(plugin, out var theirs))
            {
                Compare(differences, $"plugin {plugin}", theirs, version);
            }
        }

        return differences.Count == 0
            ? null
            : $"it runs {string.Join("; ", differences)}. Run workers and the coordinator from the same build and plugins.";
    }

    private static void Compare(List<string> differences, string what, string worker, string coordinator)
    {
        if (!string.Equals(worker, coordinator, StringComparison.Ordinal))
        {
            differences.Add($"{what} {worker} where the coordinator runs {coordinator}");
        }
    }
}
