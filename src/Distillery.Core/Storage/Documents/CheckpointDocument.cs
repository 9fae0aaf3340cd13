using LiteDB;

namespace Distillery.Storage.Documents;

/// <summary>The one checkpoint kept per run key: step, state JSON and the entries of its tensors (owned by <see cref="Owner"/>).</summary>
internal sealed record CheckpointDocument(
    string RunKey,
    string Owner,
    int Step,
    string StateJson,
    IReadOnlyList<TensorEntry> Tensors,
    DateTimeOffset SavedAt)
{
    public BsonDocument ToBson() => new()
    {
        ["_id"] = RunKey,
        [WorkspaceSchema.SchemaField] = WorkspaceSchema.Version,
        ["owner"] = Owner,
        ["step"] = Step,
        ["state"] = StateJson,
        ["tensors"] = TensorEntry.ToBson(Tensors),
        ["savedAt"] = BsonFields.Time(SavedAt),
    };

    public static CheckpointDocument FromBson(BsonDocument document) => new(
        BsonFields.String(document, "_id"),
        BsonFields.String(document, "owner"),
        BsonFields.Int32(document, "step"),
        BsonFields.String(document, "state"),
        TensorEntry.FromBson(BsonFields.Array(document, "tensors")),
        BsonFields.Time(document, "savedAt"));
}
