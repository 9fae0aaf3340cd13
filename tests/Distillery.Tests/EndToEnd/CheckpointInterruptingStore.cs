using Distillery.Methods;
using Distillery.Storage;

namespace Distillery.Tests.EndToEnd;

/// <summary>A workspace store that cancels the run right after its <c>after</c>-th checkpoint is saved (default: the first): a Ctrl+C mid-run.</summary>
internal sealed class CheckpointInterruptingStore(IWorkspaceStore inner, CancellationTokenSource interrupt, int after = 1) : IWorkspaceStore
{
    public Task<StoredSetInfo> SaveSetAsync(string name, SyntheticSet set, bool overwrite, CancellationToken cancellationToken) =>
        inner.SaveSetAsync(name, set, overwrite, cancellationToken);

    public Task<SyntheticSet> LoadSetAsync(string name, CancellationToken cancellationToken) => inner.LoadSetAsync(name, cancellationToken);

    public Task<IReadOnlyList<StoredSetInfo>> ListSetsAsync(CancellationToken cancellationToken) => inner.ListSetsAsync(cancellationToken);

    public Task<bool> SetExistsAsync(string name, CancellationToken cancellationToken) => inner.SetExistsAsync(name, cancellationToken);

    public Task DeleteSetAsync(string name, CancellationToken cancellationToken) => inner.DeleteSetAsync(name, cancellationToken);

    private readonly CancellationTokenSource _interrupt = interrupt;
    private readonly int _after = after;
    private int _saves;

    public ICheckpointStore Checkpoints(string runKey) => new Interrupting(inner.Checkpoints(runKey), this);

    public Task DeleteCheckpointsAsync(string runKey, CancellationToken cancellationToken) => inner.DeleteCheckpointsAsync(runKey, cancellationToken);

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => inner.SaveRunAsync(run, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken) => inner.ListRunsAsync(cancellationToken);

    private sealed class Interrupting(ICheckpointStore inner, CheckpointInterruptingStore owner) : ICheckpointStore
    {
        public async Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
        {
            await inner.SaveAsync(checkpoint, cancellationToken);
            if (Interlocked.Increment(ref owner._saves) == owner._after)
            {
                await owner._interrupt.CancelAsync();
            }
        }

        public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);
    }
}
