using System.Text.Json.Nodes;

namespace Distillery.Nas.Reports;

/// <summary>
/// What changed between two protocols (an evaluator's options as JSON), setting by setting, e.g.
/// <c>Epochs 1 (now 3); Networks 2 (now 1)</c>. Settings only one side has show as <c>(none)</c>.
/// </summary>
internal static class ProtocolDiff
{
    public static string Describe(string thenJson, string nowJson)
    {
        var then = Parse(thenJson);
        var now = Parse(nowJson);
        if (then is null || now is null)
        {
            return "its settings were not recorded";
        }

        var changes = then.Select(p => p.Key).Union(now.Select(p => p.Key), StringComparer.Ordinal)
            .Where(key => !JsonNode.DeepEquals(then[key], now[key]))
            .Select(key => $"{key} {Text(then, key)} (now {Text(now, key)})")
            .ToList();
        return changes.Count == 0 ? "the same settings, written differently" : string.Join("; ", changes);
    }

    private static JsonObject? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonObject settings, string key) =>
        !settings.ContainsKey(key) ? "(none)"
        : settings[key] is not { } value ? "null"
        : value is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : value.ToJsonString();
}
