namespace Distillery.Scenarios.Continual.Memory;

/// <summary>Holds a buffer's writer mark until disposed.</summary>
internal sealed class MemoryBufferWriter(MemoryBufferStore store, string name, WriterLease lease, MemoryBufferInfo info) : IMemoryBufferWriter
{
    private bool _disposed;

    public MemoryBufferInfo Info { get; } = info;

    public Task SaveStepAsync(int step, IReadOnlyList<MemoryClass> classes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return store.SaveStepAsync(name, lease, step, classes, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await store.ReleaseAsync(name, lease).ConfigureAwait(false);
    }
}
