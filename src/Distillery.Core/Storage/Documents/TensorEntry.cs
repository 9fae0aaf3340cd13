using LiteDB;

namespace Distillery.Storage.Documents;

/// <summary>
/// What a header document records about one of its tensors: element type, shape, size, how many chunks hold its
/// bytes, and their SHA-256.
/// </summary>
internal sealed record TensorEntry(string Name, string DType, long[] Shape, long Bytes, int Chunks, string Sha256)
{
    public BsonDocument ToBson() => new()
    {
        ["name"] = Name,
        ["dtype"] = DType,
        ["shape"] = new BsonArray(Shape.Select(size => new BsonValue(size))),
        ["bytes"] = Bytes,
        ["chunks"] = Chunks,
        ["sha256"] = Sha256,
    };

    public static TensorEntry FromBson(BsonValue value)
    {
        if (!value.IsDocument)
        {
            throw new InvalidDataException("a tensor entry is not a document");
        }

        var document = value.AsDocument;
        var shape = BsonFields.Array(document, "shape")
            .Select(size => size.IsNumber ? size.AsInt64 : throw new InvalidDataException("a tensor shape holds a non-number"))
            .ToArray();
        return new TensorEntry(
            BsonFields.String(document, "name"),
            BsonFields.String(document, "dtype"),
            shape,
            BsonFields.Int64(document, "bytes"),
            BsonFields.Int32(document, "chunks"),
            BsonFields.String(document, "sha256"));
    }

    public static BsonArray ToBson(IEnumerable<TensorEntry> entries) => new(entries.Select(entry => (BsonValue)entry.ToBson()));

    public static IReadOnlyList<TensorEntry> FromBson(BsonArray entries) => entries.Select(FromBson).ToList();
}
