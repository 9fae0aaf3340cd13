using Distillery.Storage;

namespace Distillery.Tests.Kit;

/// <summary>
/// Keeps the latest checkpoint in memory and records every save. Optionally cancels a token after a given number of
/// saves: an interruption right after a checkpoint.
/// </summary>
internal sealed class MemoryCheckpointStore(CancellationTokenSource? interrupt = null, int interruptAfter = 1) : ICheckpointStore, IDisposable
{
    private Checkpoint? _latest;

    public List<int> SavedSteps { get; } = [];

    /// <summary>For each save, whether every tensor of the checkpoint was finite.</summary>
    public List<bool> SavedFinite { get; } = [];

    public int Saves => SavedSteps.Count;

    public int? LatestStep => _latest?.Step;

    public async Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        SavedSteps.Add(checkpoint.Step);
        SavedFinite.Add(checkpoint.Tensors.Values.All(t => t.isfinite().all().item<bool>()));
        _latest?.Dispose();
        _latest = checkpoint;
        if (interrupt is not null && Saves == interruptAfter)
        {
            await interrupt.CancelAsync();
        }
    }

    public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(
        _latest is null
            ? null
            : new Checkpoint(_latest.Step, _latest.Tensors.ToDictionary(p => p.Key, p => p.Value.clone()), _latest.StateJson));

    public void Dispose() => _latest?.Dispose();
}
