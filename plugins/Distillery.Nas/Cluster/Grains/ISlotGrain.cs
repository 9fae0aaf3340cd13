using Distillery.Nas.Cluster.Messages;

namespace Distillery.Nas.Cluster.Grains;

/// <summary>
/// One place on a worker where a candidate trains (a worker has --workers-per-device of them), keyed
/// <c>SILO/SLOT</c> and placed on that silo. It runs one job at a time.
/// </summary>
internal interface ISlotGrain : IGrainWithStringKey
{
    /// <summary>Scores a candidate. The coordinator bounds the wait itself (Cluster:JobTimeout).</summary>
    [ResponseTimeout("7.00:00:00")]
    Task<RemoteOutcome> EvaluateAsync(RemoteJob job);
}
