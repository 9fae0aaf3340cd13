using Distillery.Storage;

namespace Distillery.Runs;

/// <summary>
/// A finished distillation: the stored set, whether it resumed from a checkpoint, the time spent distilling in this
/// process without snapshots (wall seconds, and processor seconds of all threads) and the snapshots taken.
/// </summary>
public sealed record DistillationOutcome(StoredSetInfo Set, string RunId, bool Resumed, double Seconds)
{
    public double ProcessorSeconds { get; init; }

    public IReadOnlyList<SnapshotResult> Snapshots { get; init; } = [];
}
