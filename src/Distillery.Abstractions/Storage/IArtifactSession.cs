namespace Distillery.Storage;

/// <summary>One transaction of an <see cref="IArtifactStore"/>. Valid only inside the call that received it.</summary>
public interface IArtifactSession
{
    /// <summary>The collection, whose documents are read and written as <typeparamref name="TDocument"/> (camelCase JSON fields).</summary>
    IArtifactCollection<TDocument> Collection<TDocument>(ArtifactCollection collection)
        where TDocument : class;
}
