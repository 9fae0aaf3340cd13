using Distillery.Methods;
using LiteDB;

namespace Distillery.Storage.Documents;

/// <summary>
/// The header of a stored synthetic set: its unique name, provenance, learned learning rate and the entries of its
/// tensors, whose bytes live in chunk documents owned by <see cref="Id"/>.
/// </summary>
internal sealed record SetDocument(
    string Id,
    string Name,
    SetProvenance Provenance,
    double? LearnedLearningRate,
    IReadOnlyList<TensorEntry> Tensors,
    DateTimeOffset SavedAt,
    int SchemaVersion)
{
    public const string NameField = "name";

    public const string ImagesTensor = "images";

    public const string LabelsTensor = "labels";

    public const string SoftLabelsTensor = "soft_labels";

    public long Bytes => Tensors.Sum(tensor => tensor.Bytes);

    public TensorEntry Tensor(string name)
        => Tensors.FirstOrDefault(tensor => tensor.Name == name)
            ?? throw new InvalidDataException($"it has no '{name}' tensor");

    public TensorEntry? OptionalTensor(string name) => Tensors.FirstOrDefault(tensor => tensor.Name == name);

    public StoredSetInfo ToInfo() => new(Name, Provenance, Tensor(ImagesTensor).Shape, Bytes, SchemaVersion);

    public BsonDocument ToBson() => new()
    {
        ["_id"] = Id,
        [WorkspaceSchema.SchemaField] = SchemaVersion,
        [NameField] = Name,
        ["provenance"] = ProvenanceJson.Serialize(Provenance),
        ["lr"] = LearnedLearningRate is { } lr ? new BsonValue(lr) : BsonValue.Null,
        ["bytes"] = Bytes,
        ["tensors"] = TensorEntry.ToBson(Tensors),
        ["savedAt"] = BsonFields.Time(SavedAt),
    };

    public static SetDocument FromBson(BsonDocument document) => new(
        BsonFields.String(document, "_id"),
        BsonFields.String(document, NameField),
        ProvenanceJson.Deserialize(BsonFields.String(document, "provenance")),
        BsonFields.OptionalDouble(document, "lr"),
        TensorEntry.FromBson(BsonFields.Array(document, "tensors")),
        BsonFields.Time(document, "savedAt"),
        BsonFields.Int32(document, WorkspaceSchema.SchemaField));
}
