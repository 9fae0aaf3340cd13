using Distillery.Nas.Cluster.Messages;
using Distillery.Nas.Cluster.Working;

namespace Distillery.Nas.Cluster.Grains;

[OnWorkerSilo]
internal sealed class WorkerGrain(CandidateWorker worker) : Grain, IWorkerGrain
{
    public Task<WorkerDescription> DescribeAsync() => Task.FromResult(worker.Describe());

    public Task<bool> HoldsSetAsync(string fingerprint) => Task.FromResult(worker.HoldsSet(fingerprint));

    public Task ReceiveSetAsync(SetReference set, byte[] file) => Task.Run(() => worker.ReceiveSet(set, file));
}
