using Distillery.Methods;
using LiteDB;

namespace Distillery.Storage.Documents;

/// <summary>
/// The header of a stored synthetic set: its unique name, provenance, learned learning rate, formation factor and the
/// entries of its tensors, whose bytes live in chunk documents owned by <see cref="Id"/>. A set whose images decode
/// (factor above 1) is written with schema 2 and a <c>factor</c> field; a header without the field (every set written
/// before it existed) reads as factor 1.
/// </summary>
internal sealed record SetDocument(
    string Id,
    string Name,
    SetProvenance Provenance,
    double? LearnedLearningRate,
    IReadOnlyList<TensorEntry> Tensors,
    DateTimeOffset SavedAt,
    int SchemaVersion,
    int Factor = 1)
{
    /// <summary>The schema of a set whose images decode: an older reader would train on them undecoded.</summary>
    public const int DecodingSchemaVersion = 2;

    public const string FactorField = "factor";

    public const string NameField = "name";

    public const string ImagesTensor = "images";

    public const string LabelsTensor = "labels";

    public const string SoftLabelsTensor = "soft_labels";

    public long Bytes => Tensors.Sum(tensor => tensor.Bytes);

    public TensorEntry Tensor(string name)
        => Tensors.FirstOrDefault(tensor => tensor.Name == name)
            ?? throw new InvalidDataException($"it has no '{name}' tensor");

    public TensorEntry? OptionalTensor(string name) => Tensors.FirstOrDefault(tensor => tensor.Name == name);

    public StoredSetInfo ToInfo() => new(Name, Provenance, Tensor(ImagesTensor).Shape, Bytes, SchemaVersion)
    {
        Formation = new Formation(Factor),
        Budget = SetBudget.Of(Tensor(ImagesTensor).Shape, OptionalTensor(SoftLabelsTensor)?.Shape, LearnedLearningRate is not null, Factor),
    };

    public BsonDocument ToBson()
    {
        var document = new BsonDocument
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
        if (Factor != 1)
        {
            document[FactorField] = Factor;
        }

        return document;
    }

    /// <exception cref="InvalidDataException">A field is missing or mistyped, the schema is newer than this reader's, or the factor is not 1 to <see cref="Formation.MaxFactor"/>.</exception>
    public static SetDocument FromBson(BsonDocument document)
    {
        var schema = BsonFields.Int32(document, WorkspaceSchema.SchemaField);
        if (schema > DecodingSchemaVersion)
        {
            throw new InvalidDataException($"it was written with schema {schema}, newer than this version reads ({DecodingSchemaVersion}); use a newer Distillery");
        }

        var factor = document.TryGetValue(FactorField, out var stored) && !stored.IsNull ? BsonFields.Int32(document, FactorField) : 1;
        if (factor < 1 || factor > Formation.MaxFactor)
        {
            throw new InvalidDataException($"its formation factor is {factor}, not 1 to {Formation.MaxFactor}");
        }

        return new(
            BsonFields.String(document, "_id"),
            BsonFields.String(document, NameField),
            ProvenanceJson.Deserialize(BsonFields.String(document, "provenance")),
            BsonFields.OptionalDouble(document, "lr"),
            TensorEntry.FromBson(BsonFields.Array(document, "tensors")),
            BsonFields.Time(document, "savedAt"),
            schema,
            factor);
    }
}

