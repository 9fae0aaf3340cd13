using Distillery.Nas.Cluster.Messages;

namespace Distillery.Nas.Cluster.Coordinating;

/// <summary>A worker as the coordinator knows it: its silo, how it introduced itself, and whether it may still be used.</summary>
internal sealed class ClusterWorker(SiloAddress silo, WorkerDescription description)
{
    private readonly HashSet<string> _sets = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lost = new();

    public SiloAddress Silo { get; } = silo;

    public WorkerDescription Description { get; } = description;

    public string Name => Description.Name;

    /// <summary>Why it is not used (it left, lost a job, or refused one), or null while it is.</summary>
    public string? Dropped { get; private set; }

    public bool Usable => Dropped is null;

    /// <summary>Serializes sending it sets, so each travels once.</summary>
    public SemaphoreSlim SetGate { get; } = new(1, 1);

    /// <summary>Cancelled when the worker is dropped: what it was doing goes back to the queue.</summary>
    public CancellationToken Lost => _lost.Token;

    public void Drop(string reason)
    {
        Dropped ??= reason;
        _lost.Cancel();
    }

    public bool Holds(string fingerprint)
    {
        lock (_sets)
        {
            return _sets.Contains(fingerprint);
        }
    }

    public void Received(string fingerprint)
    {
        lock (_sets)
        {
            _sets.Add(fingerprint);
        }
    }
}
