using Distillery.Storage;

namespace Distillery.Tests.Methods.GradientMatching;

/// <summary>Keeps the latest checkpoint in memory; optionally cancels the run after a given number of saves.</summary>
internal sealed class MemoryCheckpointStore(CancellationTokenSource? interrupt = null, int interruptAfter = 1) : ICheckpointStore, IDisposable
{
    private Checkpoint? _latest;

    public int Saves { get; private set; }

    public int? LatestStep => _latest?.Step;

    public async Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        _latest?.Dispose();
        _latest = checkpoint;
        Saves++;
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
