using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Distillery.Nas.Cluster.Grains;

/// <summary>Places a worker or slot grain on the silo its key names, and nowhere else.</summary>
[Serializable]
[GenerateSerializer]
[Immutable]
internal sealed class OnWorkerSilo : PlacementStrategy
{
    public override bool IsUsingGrainDirectory => true;
}

/// <summary>Marks a grain class as placed by <see cref="OnWorkerSilo"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class OnWorkerSiloAttribute() : PlacementAttribute(new OnWorkerSilo());

/// <summary>
/// Picks the silo a key names. A key whose silo has left the cluster is refused, so a job meant for a worker that died
/// fails (and goes back to the coordinator's queue) instead of running on another worker beside that worker's own jobs.
/// </summary>
internal sealed class OnWorkerSiloDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silo = GrainKeys.SiloOf(target.GrainIdentity.Key.ToString()!);
        return context.GetCompatibleSilos(target).Contains(silo)
            ? Task.FromResult(silo)
            : throw new SiloUnavailableException($"Worker {silo} is not in the cluster.");
    }
}
