using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Cluster;

/// <summary>
/// How workers (<c>distillery worker</c>) and a search coordinator (<c>distillery nas --cluster</c>) find each other:
/// the <c>Cluster</c> section of the configuration. Both sides must use the same membership, cluster id and service id.
/// </summary>
internal sealed class ClusterOptions
{
    public const string Section = "Cluster";

    [Description("How members find each other: localhost (one machine; the first worker started is the cluster's primary and must stay up) or redis (Redis holds the membership table; any number of machines).")]
    [AllowedValues(ClusterMembership.Localhost, ClusterMembership.Redis)]
    public string Membership { get; set; } = ClusterMembership.Localhost;

    [Description("The Redis server of the membership table (redis membership), as StackExchange.Redis reads it: host:port[,password=...].")]
    [Required(AllowEmptyStrings = false)]
    public string Redis { get; set; } = "127.0.0.1:6379";

    [Description("The cluster's id: only members with the same id form a cluster; give each deployment its own.")]
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._-]+$")]
    public string ClusterId { get; set; } = "distillery";

    [Description("The service's id: a worker of another service is never used, even in the same cluster.")]
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._-]+$")]
    public string ServiceId { get; set; } = "distillery-nas";

    [Description("The address a worker announces to the others (redis membership): this machine's address on the cluster's network. Loopback keeps the cluster on one machine.")]
    [Required(AllowEmptyStrings = false)]
    public string Address { get; set; } = "127.0.0.1";

    [Description("The port a worker's silo listens on; unset: with localhost membership the primary takes 11111 and later workers free ports, with redis membership every worker takes a free one. Set it where a firewall wants fixed ports.")]
    [Range(1, 65535)]
    public int? SiloPort { get; set; }

    [Description("The port where coordinators reach a worker (its gateway); unset: 30000 for the localhost primary (where the coordinator connects), else a free one.")]
    [Range(1, 65535)]
    public int? GatewayPort { get; set; }

    [Description("A PKCS#12 file (.pfx) with the cluster's certificate and its private key. When set, members talk TLS and accept only a member that presents this same certificate; every worker and the coordinator must name it.")]
    public string? Certificate { get; set; }

    [Description("The password of Certificate's file, if it has one.")]
    public string? CertificatePassword { get; set; }

    [Description("The address the worker's dashboard (worker --dashboard PORT) listens on; loopback keeps it to this machine.")]
    [Required(AllowEmptyStrings = false)]
    public string DashboardAddress { get; set; } = "127.0.0.1";

    [Description("How long the coordinator tries to reach the cluster (Redis, or the primary worker's gateway) before it gives up with an error.")]
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Description("How long the coordinator waits for a first worker to join before it gives up.")]
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan WorkerWait { get; set; } = TimeSpan.FromMinutes(5);

    [Description("How long one candidate may take on a worker; one that takes longer goes back to the queue and its worker is not used again.")]
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(2);

    [Description("How many times a candidate is sent to a worker that then disappears before the search gives up on it.")]
    [Range(1, 100)]
    public int Attempts { get; set; } = 3;

    [Description("How soon a silent worker is declared dead: the membership probe timeout. Lower detects a killed worker sooner, at the risk of dropping a worker whose machine is busy.")]
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
