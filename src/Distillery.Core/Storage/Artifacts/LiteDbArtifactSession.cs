using LiteDB;

namespace Distillery.Storage.Artifacts;

/// <summary>One transaction over an owner's collections.</summary>
internal sealed class LiteDbArtifactSession(
    LiteDatabase database,
    WorkspaceDatabase workspace,
    TensorChunks chunks,
    string owner,
    bool writable,
    CancellationToken cancellationToken) : IArtifactSession
{
    public IArtifactCollection<TDocument> Collection<TDocument>(ArtifactCollection collection)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(collection);
        return new LiteDbArtifactCollection<TDocument>(
            database, workspace, chunks, ArtifactOwners.CollectionName(owner, collection), collection, writable, cancellationToken);
    }
}
