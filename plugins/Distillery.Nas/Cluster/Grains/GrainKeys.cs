using System.Globalization;

namespace Distillery.Nas.Cluster.Grains;

/// <summary>The keys of the worker and slot grains: the silo's address, then <c>/SLOT</c> for a slot.</summary>
internal static class GrainKeys
{
    public static string Worker(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.ToParsableString();
    }

    public static string Slot(SiloAddress silo, int slot) => string.Create(CultureInfo.InvariantCulture, $"{Worker(silo)}/{slot}");

    /// <summary>The silo a worker or slot key names.</summary>
    public static SiloAddress SiloOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return SiloAddress.FromParsableString(slash < 0 ? key : key[..slash]);
    }
}
