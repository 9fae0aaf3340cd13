namespace Distillery.Storage.Artifacts;

/// <summary>
/// One owner's artifacts in the workspace's LiteDB file, through the workspace's connection: each read and write is
/// one transaction of <see cref="WorkspaceDatabase"/>, and tensors go through its checksummed chunks.
/// </summary>
internal sealed class LiteDbArtifactStore : IArtifactStore
{
    private readonly WorkspaceDatabase _database;
    private readonly TensorChunks _chunks;

    public LiteDbArtifactStore(WorkspaceDatabase database, TensorChunks chunks, string owner)
    {
        ArtifactOwners.Check(owner);
        _database = database;
        _chunks = chunks;
        Owner = owner;
    }

    public string Owner { get; }

    public string Location => _database.Path;

    public Task<T> ReadAsync<T>(Func<IArtifactSession, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Task.Run(() => _database.Read(database => read(new LiteDbArtifactSession(database, _database, _chunks, Owner, writable: false, cancellationToken))), cancellationToken);
    }

    public Task<T> WriteAsync<T>(Func<IArtifactSession, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Task.Run(() => _database.Write(database => write(new LiteDbArtifactSession(database, _database, _chunks, Owner, writable: true, cancellationToken))), cancellationToken);
    }
}
