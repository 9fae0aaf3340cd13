namespace Distillery.Storage;

/// <summary>Keeps nothing: for runs that are not to be resumed.</summary>
public sealed class NullCheckpointStore : ICheckpointStore
{
    public static NullCheckpointStore Instance { get; } = new();

    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        checkpoint.Dispose();
        return Task.CompletedTask;
    }

    public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<Checkpoint?>(null);
}
