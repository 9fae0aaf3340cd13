using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Storage;

namespace Distillery.Host.Commands.Sets;

/// <summary>How a stored set is described in JSON output and in text.</summary>
internal static class SetJson
{
    public static JsonObject Describe(StoredSetInfo set)
    {
        var p = set.Provenance;
        return new JsonObject
        {
            ["name"] = set.Name,
            ["method"] = p.Method,
            ["dataset"] = p.Dataset,
            ["ipc"] = p.ImagesPerClass,
            ["arch"] = p.Architecture,
            ["seed"] = p.Seed,
            ["shape"] = new JsonArray(set.Shape.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["bytes"] = set.Bytes,
            ["createdAt"] = p.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["seconds"] = p.DurationSeconds,
            ["options"] = ParseOrString(p.OptionsJson),
            ["metrics"] = new JsonObject(p.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
            ["schemaVersion"] = set.SchemaVersion,
        };
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MiB"),
    };

    private static JsonNode? ParseOrString(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
