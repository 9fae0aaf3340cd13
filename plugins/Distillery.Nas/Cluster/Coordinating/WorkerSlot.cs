using Distillery.Nas.Cluster.Grains;

namespace Distillery.Nas.Cluster.Coordinating;

/// <summary>One of a worker's places for a candidate, free when it sits in the coordinator's queue of slots.</summary>
internal sealed record WorkerSlot(ClusterWorker Worker, int Number, ISlotGrain Grain);
