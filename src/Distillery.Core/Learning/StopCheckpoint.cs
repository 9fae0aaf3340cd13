using Distillery.Methods;
using Distillery.Storage;

namespace Distillery.Learning;

/// <summary>
/// What an iterative method does when it is stopped between checkpoints: it keeps the state of the last finished
/// iteration when no checkpoint holds it yet (unless that state is not usable, a diverged one: then the last checkpoint
/// stands), and says from where a rerun resumes.
/// </summary>
public static class StopCheckpoint
{
    /// <param name="checkpoints">The run's checkpoint store; a <see cref="NullCheckpointStore"/> keeps nothing.</param>
    /// <param name="completed">Iterations finished when the stop came.</param>
    /// <param name="saved">Iterations the last stored checkpoint holds (0 when none was stored).</param>
    /// <param name="usable">Whether the state after <paramref name="completed"/> iterations may be stored.</param>
    /// <param name="checkpoint">Makes the checkpoint of that state.</param>
    /// <param name="stop">The cancellation that stopped the run.</param>
    /// <param name="cancellationToken">The run's token.</param>
    /// <param name="keptWithoutIterations">What the run keeps that a rerun reuses even when no iteration is kept (e.g.
    /// "every expert"); null when nothing.</param>
    public static async Task<RunStoppedException> KeepAsync(
        ICheckpointStore checkpoints,
        int completed,
        int saved,
        bool usable,
        Func<Checkpoint> checkpoint,
        OperationCanceledException stop,
        CancellationToken cancellationToken,
        string? keptWithoutIterations = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoints is NullCheckpointStore)
        {
            return NoIteration();
        }

        if (completed > saved && usable)
        {
            await checkpoints.SaveAsync(checkpoint(), CancellationToken.None).ConfigureAwait(false);
            saved = completed;
        }

        return saved > 0 ? RunStoppedException.AfterIteration(saved, cancellationToken, stop) : NoIteration();

        RunStoppedException NoIteration() => keptWithoutIterations is null
            ? RunStoppedException.KeepingNothing(cancellationToken, stop)
            : RunStoppedException.Keeping(keptWithoutIterations, cancellationToken, stop);
    }
}
