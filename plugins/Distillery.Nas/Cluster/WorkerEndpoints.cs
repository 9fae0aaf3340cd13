namespace Distillery.Nas.Cluster;

/// <summary>The ports a worker's silo listens on, and whether it is the localhost cluster's primary.</summary>
internal sealed record WorkerEndpoints(int SiloPort, int GatewayPort, bool Primary)
{
    /// <summary>
    /// The configured ports where they are free. With localhost membership a worker that finds the primary's silo port
    /// taken joins that primary on free ports of its own.
    /// </summary>
    public static WorkerEndpoints Choose(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Membership == ClusterMembership.Localhost)
        {
            return ClusterHosting.IsFree(options.SiloPort) && ClusterHosting.IsFree(options.GatewayPort)
                ? new WorkerEndpoints(options.SiloPort, options.GatewayPort, Primary: true)
                : new WorkerEndpoints(ClusterHosting.FreePort(), ClusterHosting.FreePort(), Primary: false);
        }

        return new WorkerEndpoints(
            options.SiloPort != 0 && ClusterHosting.IsFree(options.SiloPort) ? options.SiloPort : ClusterHosting.FreePort(),
            options.GatewayPort != 0 && ClusterHosting.IsFree(options.GatewayPort) ? options.GatewayPort : ClusterHosting.FreePort(),
            Primary: false);
    }
}
