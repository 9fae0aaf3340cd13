using Distillery.Storage.Documents;
using LiteDB;

namespace Distillery.Memory.Documents;

/// <summary>A buffer's header: its name, settings, the steps it holds, its size and its writer.</summary>
internal sealed record MemoryBufferDocument(
    string Name,
    MemoryBufferSettings Settings,
    IReadOnlyList<int> Steps,
    long Images,
    long Bytes,
    DateTimeOffset CreatedAt,
    WriterLease? Writer,
    int SchemaVersion = MemorySchema.Version)
{
    public MemoryBufferInfo ToInfo() =>
        new(Name, Settings, Steps, Images, Bytes, CreatedAt, SchemaVersion, Writer?.Describe());

    public BsonDocument ToBson() => new()
    {
        ["_id"] = Name,
        [MemorySchema.SchemaField] = SchemaVersion,
        ["settings"] = MemorySettingsJson.Serialize(Settings),
        ["steps"] = new BsonArray(Steps.Order().Select(step => new BsonValue(step))),
        ["images"] = Images,
        ["bytes"] = Bytes,
        ["createdAt"] = BsonFields.Time(CreatedAt),
        ["writer"] = Writer?.ToBson() ?? BsonValue.Null,
    };

    public static MemoryBufferDocument FromBson(BsonDocument document)
    {
        var schema = BsonFields.Int32(document, MemorySchema.SchemaField);
        MemorySchema.Check(schema);
        var steps = BsonFields.Array(document, "steps")
            .Select(step => step.IsNumber ? step.AsInt32 : throw new InvalidDataException("the field 'steps' holds a non-number"))
            .ToList();
        return new MemoryBufferDocument(
            BsonFields.String(document, "_id"),
            MemorySettingsJson.Deserialize(BsonFields.String(document, "settings")),
            steps,
            BsonFields.Int64(document, "images"),
            BsonFields.Int64(document, "bytes"),
            BsonFields.Time(document, "createdAt"),
            WriterLease.FromBson(document),
            schema);
    }
}
