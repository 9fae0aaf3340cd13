namespace Distillery.Storage;

/// <summary>
/// The checkpoints of one run. A save replaces the previous checkpoint atomically: a run interrupted at any point
/// finds either the old or the new one, never a mix.
/// </summary>
public interface ICheckpointStore
{
    Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>The latest checkpoint of this run, or null if it has none.</summary>
    Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken);
}
