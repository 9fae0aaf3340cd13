using static TorchSharp.torch;

namespace Distillery.Storage;

/// <summary>
/// Typed documents keyed by a string id, each with any number of named tensors. A document's fields are its JSON
/// properties (camelCase); the names <c>_id</c>, <c>schema</c>, <c>owner</c> and those of its tensors are the store's.
/// </summary>
public interface IArtifactCollection<TDocument>
    where TDocument : class
{
    /// <summary>The document, or null when there is none with this id. A damaged one is returned with its damage.</summary>
    ArtifactEntry<TDocument>? Find(string id);

    /// <summary>The documents that match <paramref name="query"/> (all when null), ordered by id; damaged ones with their damage.</summary>
    IReadOnlyList<ArtifactEntry<TDocument>> List(ArtifactQuery? query = null);

    /// <summary>
    /// Stores the document and its tensors under <paramref name="id"/>, replacing any document (and its tensors) stored
    /// there. Does not take ownership of the tensors.
    /// </summary>
    ArtifactEntry<TDocument> Upsert(string id, TDocument document, IReadOnlyDictionary<string, Tensor>? tensors = null);

    /// <summary>Deletes the document and its tensors; false when there was none. Works on damaged documents too.</summary>
    bool Delete(string id);

    /// <summary>Deletes every document that matches <paramref name="query"/>, with its tensors; returns how many.</summary>
    int DeleteMany(ArtifactQuery query);

    /// <summary>
    /// Reads one tensor of a document as a CPU tensor, bit for bit, checking its SHA-256. The caller owns it.
    /// </summary>
    /// <exception cref="UserErrorException">The tensor is missing or its stored bytes are damaged.</exception>
    Tensor ReadTensor(ArtifactEntry<TDocument> entry, string name);
}
