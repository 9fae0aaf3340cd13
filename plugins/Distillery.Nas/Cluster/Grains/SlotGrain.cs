using Distillery.Nas.Cluster.Messages;
using Distillery.Nas.Cluster.Working;

namespace Distillery.Nas.Cluster.Grains;

[OnWorkerSilo]
internal sealed class SlotGrain(CandidateWorker worker) : Grain, ISlotGrain
{
    /// <summary>Trains on a thread of its own, off the silo's scheduler, so the silo keeps answering the cluster meanwhile.</summary>
    public Task<RemoteOutcome> EvaluateAsync(RemoteJob job) => Task.Run(() => worker.RunAsync(job, CancellationToken.None));
}
