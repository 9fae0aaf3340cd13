using Distillery.Nas.Cluster.Messages;

namespace Distillery.Nas.Cluster.Grains;

/// <summary>A worker process, one per silo: keyed by its silo's address and placed on that silo.</summary>
internal interface IWorkerGrain : IGrainWithStringKey
{
    Task<WorkerDescription> DescribeAsync();

    /// <summary>Whether the worker holds the set with this fingerprint (sets travel once per worker).</summary>
    Task<bool> HoldsSetAsync(string fingerprint);

    /// <summary>Gives the worker a proxy set, as the bytes of its <c>.pt</c> file.</summary>
    [ResponseTimeout("00:10:00")]
    Task ReceiveSetAsync(SetReference set, byte[] file);
}
