using Distillery.Methods;

namespace Distillery.Storage;

/// <summary>
/// The workspace database. Every write is atomic: an interrupted process leaves either the old or the new document,
/// never a half-written one. A file that is not a workspace database, a missing set name or a damaged document
/// throws a <see cref="UserErrorException"/> that names it.
/// </summary>
public interface IWorkspaceStore
{
    Task<StoredSetInfo> SaveSetAsync(string name, SyntheticSet set, bool overwrite, CancellationToken cancellationToken);

    Task<SyntheticSet> LoadSetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredSetInfo>> ListSetsAsync(CancellationToken cancellationToken);

    Task<bool> SetExistsAsync(string name, CancellationToken cancellationToken);

    Task DeleteSetAsync(string name, CancellationToken cancellationToken);

    /// <summary>The checkpoints of the run with this key.</summary>
    ICheckpointStore Checkpoints(string runKey);

    /// <summary>
    /// The step of the run's checkpoint, or null if it has none, without reading its tensors. The default loads the
    /// whole checkpoint; a store that can read the step alone should.
    /// </summary>
    async Task<int?> CheckpointStepAsync(string runKey, CancellationToken cancellationToken)
    {
        using var checkpoint = await Checkpoints(runKey).LoadAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint?.Step;
    }

    Task DeleteCheckpointsAsync(string runKey, CancellationToken cancellationToken);

    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken);
}
