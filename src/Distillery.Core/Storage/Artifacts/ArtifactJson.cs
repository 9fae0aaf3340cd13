using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LiteDB;

namespace Distillery.Storage.Artifacts;

/// <summary>
/// Typed documents as BSON fields and back, through their JSON form (camelCase; NaN and infinities as strings).
/// Numbers become Int32, Int64 or Double, whichever holds them exactly.
/// </summary>
internal static class ArtifactJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static BsonDocument ToBson<TDocument>(TDocument document)
    {
        var element = System.Text.Json.JsonSerializer.SerializeToElement(document, Options);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A {typeof(TDocument).Name} is stored as a JSON object, not {element.ValueKind}.", nameof(document));
        }

        return ToBson(element).AsDocument;
    }

    /// <exception cref="InvalidDataException">The fields are not a <typeparamref name="TDocument"/>.</exception>
    public static TDocument FromBson<TDocument>(BsonDocument fields)
    {
        try
        {
            return ToJson(fields)!.Deserialize<TDocument>(Options) ?? throw new InvalidDataException("the document is null");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"its fields are not a {typeof(TDocument).Name}: {exception.Message}", exception);
        }
    }

    private static BsonValue ToBson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new BsonDocument(element.EnumerateObject().ToDictionary(property => property.Name, property => ToBson(property.Value))),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(ToBson)),
        JsonValueKind.String => new BsonValue(element.GetString()),
        JsonValueKind.Number when element.TryGetInt32(out var int32) => new BsonValue(int32),
        JsonValueKind.Number when element.TryGetInt64(out var int64) => new BsonValue(int64),
        JsonValueKind.Number => new BsonValue(element.GetDouble()),
        JsonValueKind.True => new BsonValue(true),
        JsonValueKind.False => new BsonValue(false),
        _ => BsonValue.Null,
    };

    private static JsonNode? ToJson(BsonValue value) => value.Type switch
    {
        BsonType.Document => new JsonObject(value.AsDocument.Select(field => KeyValuePair.Create(field.Key, ToJson(field.Value)))),
        BsonType.Array => new JsonArray(value.AsArray.Select(ToJson).ToArray()),
        BsonType.String => JsonValue.Create(value.AsString),
        BsonType.Int32 => JsonValue.Create(value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Double when double.IsFinite(value.AsDouble) => JsonValue.Create(value.AsDouble),
        BsonType.Double => JsonValue.Create(value.AsDouble.ToString(CultureInfo.InvariantCulture)),
        BsonType.Decimal => JsonValue.Create(value.AsDecimal),
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.DateTime => JsonValue.Create(value.AsDateTime.ToString("O", CultureInfo.InvariantCulture)),
        BsonType.Guid => JsonValue.Create(value.AsGuid.ToString()),
        BsonType.ObjectId => JsonValue.Create(value.AsObjectId.ToString()),
        BsonType.Binary => JsonValue.Create(Convert.ToBase64String(value.AsBinary)),
        _ => null,
    };
}
