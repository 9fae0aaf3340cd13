namespace Distillery.Nas.Cluster;

/// <summary>
/// The ports a worker's silo listens on, and whether it is the localhost cluster's primary. The primary holds a lock
/// file for its lifetime, so of workers started at once on one machine exactly one becomes the primary.
/// </summary>
internal sealed class WorkerEndpoints : IDisposable
{
    public const int PrimarySiloPort = 11111;
    public const int PrimaryGatewayPort = 30000;

    private readonly FileStream? _primaryLock;

    private WorkerEndpoints(int siloPort, int gatewayPort, FileStream? primaryLock)
    {
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        _primaryLock = primaryLock;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool Primary => _primaryLock is not null;

    /// <summary>The primary's silo port, which every localhost worker joins.</summary>
    public static int PrimarySilo(ClusterOptions options) => options.SiloPort ?? PrimarySiloPort;

    /// <summary>The primary's gateway, where a localhost coordinator connects.</summary>
    public static int PrimaryGateway(ClusterOptions options) => options.GatewayPort ?? PrimaryGatewayPort;

    public static WorkerEndpoints Choose(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Membership == ClusterMembership.Localhost)
        {
            return TryLock(options) is { } primary
                ? new WorkerEndpoints(PrimarySilo(options), PrimaryGateway(options), primary)
                : new WorkerEndpoints(ClusterHosting.FreePort(), ClusterHosting.FreePort(), primaryLock: null);
        }

        return new WorkerEndpoints(options.SiloPort ?? ClusterHosting.FreePort(), options.GatewayPort ?? ClusterHosting.FreePort(), primaryLock: null);
    }

    public void Dispose() => _primaryLock?.Dispose();

    private static FileStream? TryLock(ClusterOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"distillery-cluster-{options.ClusterId}-{options.ServiceId}-{PrimarySilo(options)}.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
