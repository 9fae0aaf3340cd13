using System.Globalization;
using LiteDB;

namespace Distillery.Storage.Documents;

/// <summary>Reads fields of stored documents, turning a missing or mistyped field into <see cref="InvalidDataException"/>.</summary>
internal static class BsonFields
{
    public static BsonValue Required(BsonDocument document, string field, BsonType type)
    {
        if (!document.TryGetValue(field, out var value) || value is null || value.IsNull)
        {
            throw new InvalidDataException($"the field '{field}' is missing");
        }

        if (value.Type != type && !(IsNumber(type) && IsNumber(value.Type)))
        {
            throw new InvalidDataException($"the field '{field}' is {value.Type}, not {type}");
        }

        return value;
    }

    public static string String(BsonDocument document, string field) => Required(document, field, BsonType.String).AsString;

    public static string? OptionalString(BsonDocument document, string field)
        => document.TryGetValue(field, out var value) && !value.IsNull ? Required(document, field, BsonType.String).AsString : null;

    public static long Int64(BsonDocument document, string field) => Required(document, field, BsonType.Int64).AsInt64;

    public static int Int32(BsonDocument document, string field) => Required(document, field, BsonType.Int32).AsInt32;

    public static double? OptionalDouble(BsonDocument document, string field)
        => document.TryGetValue(field, out var value) && !value.IsNull ? Required(document, field, BsonType.Double).AsDouble : null;

    public static BsonArray Array(BsonDocument document, string field) => Required(document, field, BsonType.Array).AsArray;

    public static byte[] Binary(BsonDocument document, string field) => Required(document, field, BsonType.Binary).AsBinary;

    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(BsonDocument document, string field)
        => ParseTime(String(document, field), field);

    public static DateTimeOffset? OptionalTime(BsonDocument document, string field)
        => OptionalString(document, field) is { } text ? ParseTime(text, field) : null;

    private static DateTimeOffset ParseTime(string text, string field)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new InvalidDataException($"the field '{field}' is not a time: '{text}'");

    private static bool IsNumber(BsonType type) => type is BsonType.Int32 or BsonType.Int64 or BsonType.Double;
}
