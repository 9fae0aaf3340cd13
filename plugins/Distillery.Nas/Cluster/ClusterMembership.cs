namespace Distillery.Nas.Cluster;

/// <summary>The values of <see cref="ClusterOptions.Membership"/>.</summary>
internal static class ClusterMembership
{
    public const string Localhost = "localhost";
    public const string Redis = "redis";
}
