using System.Text.RegularExpressions;
using Distillery.Storage.Documents;
using LiteDB;
using static TorchSharp.torch;

namespace Distillery.Storage.Artifacts;

/// <summary>
/// A collection of typed documents in one LiteDB collection. A document is its JSON fields plus <c>_id</c>,
/// <c>schema</c>, and, when it has tensors, <c>owner</c> (the key of its tensor chunks, new on every write) and one
/// field per tensor holding that tensor's entry (type, shape, size, chunks, SHA-256).
/// </summary>
internal sealed partial class LiteDbArtifactCollection<TDocument>(
    LiteDatabase database,
    WorkspaceDatabase workspace,
    TensorChunks chunks,
    string name,
    ArtifactCollection definition,
    bool writable,
    CancellationToken cancellationToken) : IArtifactCollection<TDocument>
    where TDocument : class
{
    private const string IdField = "_id";
    private const string OwnerField = "owner";

    private ILiteCollection<BsonDocument> Documents => database.GetCollection(name);

    public ArtifactEntry<TDocument>? Find(string id)
    {
        CheckId(id);
        return Documents.FindById(id) is { } stored ? Entry(stored) : null;
    }

    public IReadOnlyList<ArtifactEntry<TDocument>> List(ArtifactQuery? query = null) =>
        Select(query).Select(Entry).OrderBy(entry => entry.Id, StringComparer.Ordinal).ToList();

    public ArtifactEntry<TDocument> Upsert(string id, TDocument document, IReadOnlyDictionary<string, Tensor>? tensors = null)
    {
        CheckId(id);
        ArgumentNullException.ThrowIfNull(document);
        RequireWritable();
        tensors ??= new Dictionary<string, Tensor>();
        var stored = ArtifactJson.ToBson(document);
        foreach (var field in new[] { IdField, WorkspaceSchema.SchemaField, OwnerField }.Concat(tensors.Keys))
        {
            if (stored.ContainsKey(field))
            {
                throw new ArgumentException($"A {typeof(TDocument).Name} has a field '{field}', a name the store keeps for itself or a tensor.", nameof(document));
            }
        }

        if (Documents.FindById(id) is { } previous)
        {
            DeleteChunks(previous);
        }

        stored[IdField] = id;
        stored[WorkspaceSchema.SchemaField] = definition.SchemaVersion;
        if (tensors.Count > 0)
        {
            var owner = $"{name}/{Guid.NewGuid():N}";
            stored[OwnerField] = owner;
            foreach (var (tensorName, tensor) in tensors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (!ValidTensorName().IsMatch(tensorName))
                {
                    throw new ArgumentException($"Tensor name '{tensorName}' is not valid: use letters, digits and '_', starting with a letter.", nameof(tensors));
                }

                cancellationToken.ThrowIfCancellationRequested();
                stored[tensorName] = chunks.Write(database, owner, tensorName, tensor, cancellationToken).ToBson();
            }
        }

        Documents.Upsert(stored);
        return Entry(stored);
    }

    public bool Delete(string id)
    {
        CheckId(id);
        RequireWritable();
        if (Documents.FindById(id) is not { } stored)
        {
            return false;
        }

        DeleteChunks(stored);
        return Documents.Delete(id);
    }

    public int DeleteMany(ArtifactQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireWritable();
        var count = 0;
        foreach (var stored in Select(query).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            DeleteChunks(stored);
            count += Documents.Delete(stored[IdField]) ? 1 : 0;
        }

        return count;
    }

    public Tensor ReadTensor(ArtifactEntry<TDocument> entry, string tensor)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = $"the '{tensor}' tensor of document '{entry.Id}' in collection {name}";
        return workspace.Decode(what, "delete that document or write it again; the rest of the workspace is not affected", () =>
        {
            var stored = Documents.FindById(entry.Id) ?? throw new InvalidDataException("its document is gone");
            var tensorEntry = TensorEntries(stored).FirstOrDefault(e => e.Name == tensor)
                ?? throw new InvalidDataException($"the document has no '{tensor}' tensor");
            return TensorChunks.Read(database, BsonFields.String(stored, OwnerField), tensorEntry);
        });
    }

    private IEnumerable<BsonDocument> Select(ArtifactQuery? query)
    {
        var conditions = new List<BsonExpression>();
        if (query?.IdPrefix is { Length: > 0 } prefix)
        {
            conditions.Add(Query.StartsWith(IdField, prefix));
        }

        foreach (var (field, value) in query?.Fields ?? [])
        {
            conditions.Add(Query.EQ(field, new BsonValue(value)));
        }

        return conditions.Count switch
        {
            0 => Documents.FindAll(),
            1 => Documents.Find(conditions[0]),
            _ => Documents.Find(Query.And([.. conditions])),
        };
    }

    private ArtifactEntry<TDocument> Entry(BsonDocument stored)
    {
        var id = stored.TryGetValue(IdField, out var key) && key.IsString ? key.AsString : $"{key}";
        var schema = stored.TryGetValue(WorkspaceSchema.SchemaField, out var version) && version.IsNumber ? version.AsInt32 : 0;
        var tensors = new List<StoredTensor>();
        try
        {
            if (schema < 1)
            {
                throw new InvalidDataException("it has no schema version");
            }

            if (schema > definition.SchemaVersion)
            {
                return new ArtifactEntry<TDocument>(id, schema, null, [],
                    $"The document '{id}' in collection {name} of {workspace.Path} was written with schema {schema}; this version of the plugin " +
                    $"that owns it reads up to schema {definition.SchemaVersion}. Use a newer version of that plugin.");
            }

            var entries = TensorEntries(stored);
            tensors.AddRange(entries.Select(e => new StoredTensor(e.Name, e.DType, e.Shape, e.Bytes)));
            var fields = new BsonDocument();
            foreach (var (field, value) in stored)
            {
                if (field is not (IdField or OwnerField) && field != WorkspaceSchema.SchemaField && entries.All(e => e.Name != field))
                {
                    fields[field] = value;
                }
            }

            return new ArtifactEntry<TDocument>(id, schema, ArtifactJson.FromBson<TDocument>(fields), tensors, null);
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or LiteException or InvalidCastException)
        {
            return new ArtifactEntry<TDocument>(id, schema, null, tensors,
                $"The document '{id}' in collection {name} of {workspace.Path} is damaged: {exception.Message}; " +
                "delete it or write it again; the rest of the workspace is not affected.");
        }
    }

    /// <summary>The fields that hold a tensor's entry: documents with the fields of one.</summary>
    private static List<TensorEntry> TensorEntries(BsonDocument stored) =>
        stored.Where(field => field.Value.IsDocument && field.Value.AsDocument.ContainsKey("sha256") && field.Value.AsDocument.ContainsKey("chunks"))
            .Select(field => TensorEntry.FromBson(field.Value) is var entry && entry.Name == field.Key
                ? entry
                : throw new InvalidDataException($"the field '{field.Key}' holds the entry of the '{entry.Name}' tensor"))
            .ToList();

    private void DeleteChunks(BsonDocument stored)
    {
        if (stored.TryGetValue(OwnerField, out var owner) && owner.IsString)
        {
            TensorChunks.Delete(database, owner.AsString);
        }
    }

    private void RequireWritable()
    {
        if (!writable)
        {
            throw new InvalidOperationException("This session reads the workspace; write in IArtifactStore.WriteAsync.");
        }
    }

    private static void CheckId(string id) => ArgumentException.ThrowIfNullOrEmpty(id);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex ValidTensorName();
}
