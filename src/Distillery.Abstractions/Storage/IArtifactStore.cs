namespace Distillery.Storage;

/// <summary>
/// The documents and tensors one plugin keeps in the workspace, under the artifact owner name it claimed with
/// <see cref="Components.IComponentRegistry.AddArtifactStore"/> (resolve it as a keyed service with that name). Every
/// read sees one consistent state and every write is one transaction: all of it is stored, or none. Tensors are
/// stored in checksummed chunks beside the document that names them; a damaged document or tensor throws a
/// <see cref="UserErrorException"/> naming it while the rest of the workspace stays readable. Other processes may use
/// the workspace at the same time.
/// </summary>
public interface IArtifactStore
{
    /// <summary>The owner name the collections of this store live under.</summary>
    string Owner { get; }

    /// <summary>The workspace file, for messages.</summary>
    string Location { get; }

    /// <summary>Runs <paramref name="read"/> on one consistent state of the workspace.</summary>
    Task<T> ReadAsync<T>(Func<IArtifactSession, T> read, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="write"/> in one transaction: when it throws, nothing it wrote is kept.</summary>
    Task<T> WriteAsync<T>(Func<IArtifactSession, T> write, CancellationToken cancellationToken);
}
