using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Storage;

namespace Distillery.Host.Commands.Sets;

/// <summary>How a stored set is described in JSON output and in text.</summary>
internal static class SetJson
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

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
            ["factor"] = set.Formation.Factor,
            ["decodedFromFactor"] = p.DecodedFromFactor,
            ["budget"] = Distillery.Runs.SetEvaluationReports.ToJson(set.Budget),
            ["createdAt"] = p.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["seconds"] = p.DurationSeconds,
            ["options"] = ParseOrString(p.OptionsJson),
            ["metrics"] = new JsonObject(p.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)Number(m.Value)))),
            ["environment"] = p.Environment is null ? null : JsonSerializer.SerializeToNode(p.Environment, Web),
            ["schemaVersion"] = set.SchemaVersion,
        };
    }

    /// <summary>The evaluations of the set, oldest first: each run's results as <c>evaluate --output json</c> printed them.</summary>
    public static JsonArray Evaluations(IEnumerable<RunRecord> runs, string setName) =>
        new(runs.Where(run => run.Kind == "evaluate" && run.SetName == setName && run.Status == "completed")
            .OrderBy(run => run.StartedAt)
            .Select(run => (JsonNode?)new JsonObject
            {
                ["run"] = run.Id,
                ["finished"] = run.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
                ["report"] = ParseOrString(run.Json),
            })
            .ToArray());

    /// <summary>A number as JSON; NaN and the infinities, which JSON has no numbers for, as the strings .NET writes.</summary>
    public static JsonNode Number(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

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
