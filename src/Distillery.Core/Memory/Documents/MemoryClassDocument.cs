using System.Globalization;
using Distillery.Methods;
using Distillery.Storage;
using Distillery.Storage.Documents;
using LiteDB;

namespace Distillery.Memory.Documents;

/// <summary>
/// The memory of one class at one step of one buffer: its provenance and the entry of its images, whose bytes live in
/// tensor chunks owned by <see cref="Owner"/>.
/// </summary>
internal sealed record MemoryClassDocument(
    string Buffer,
    int Step,
    int Label,
    string Owner,
    SetProvenance Provenance,
    TensorEntry Images,
    DateTimeOffset SavedAt,
    int SchemaVersion = MemorySchema.Version)
{
    public const string BufferField = "buffer";

    public const string ImagesTensor = "images";

    public string Id => IdOf(Buffer, Step, Label);

    public static string IdOf(string buffer, int step, int label) =>
        string.Create(CultureInfo.InvariantCulture, $"{buffer}|step {step}|class {label}");

    public BsonDocument ToBson() => new()
    {
        ["_id"] = Id,
        [MemorySchema.SchemaField] = SchemaVersion,
        [BufferField] = Buffer,
        ["step"] = Step,
        ["class"] = Label,
        ["owner"] = Owner,
        ["provenance"] = ProvenanceJson.Serialize(Provenance),
        ["images"] = Images.ToBson(),
        ["savedAt"] = BsonFields.Time(SavedAt),
    };

    public static MemoryClassDocument FromBson(BsonDocument document)
    {
        var schema = BsonFields.Int32(document, MemorySchema.SchemaField);
        MemorySchema.Check(schema);
        return new MemoryClassDocument(
            BsonFields.String(document, BufferField),
            BsonFields.Int32(document, "step"),
            BsonFields.Int32(document, "class"),
            BsonFields.String(document, "owner"),
            ProvenanceJson.Deserialize(BsonFields.String(document, "provenance")),
            TensorEntry.FromBson(BsonFields.Required(document, "images", BsonType.Document)),
            BsonFields.Time(document, "savedAt"),
            schema);
    }
}
