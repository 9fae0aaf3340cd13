using Distillery.Storage;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>
/// Keeps the latest checkpoint in memory and records every save. Optionally cancels a token after a given number of
/// saves: an interruption right after a checkpoint.
/// </summary>
internal sealed class MemoryCheckpointStore(CancellationTokenSource? interrupt = null, int interruptAfter = 1) : ICheckpointStore, IDisposable
{
    private Checkpoint? _latest;

    public List<int> SavedSteps { get; } = [];

    public List<bool> SavedFinite { get; } = [];

    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        SavedSteps.Add(checkpoint.Step);
        SavedFinite.Add(checkpoint.Tensors.Values.All(t => t.isfinite().all().item<bool>()));
        _latest?.Dispose();
        _latest = checkpoint;
        if (interrupt is not null && SavedSteps.Count == interruptAfter)
        {
            interrupt.Cancel();
        }

        return Task.CompletedTask;
    }

    public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken)
    {
        if (_latest is null)
        {
            return Task.FromResult<Checkpoint?>(null);
        }

        var copy = _latest.Tensors.ToDictionary(p => p.Key, p => p.Value.clone());
        return Task.FromResult<Checkpoint?>(new Checkpoint(_latest.Step, copy, _latest.StateJson));
    }

    public void Dispose() => _latest?.Dispose();
}
