using System.Text.Json.Nodes;

namespace Distillery.Nas.Reports;

/// <summary>
/// Names one of an evaluator's protocols by the settings in which it differs from the evaluator's other protocols,
/// e.g. <c>set (Set=dm-ipc10, Epochs=30)</c>; by its hash when the settings cannot tell them apart.
/// </summary>
internal static class ProtocolLabel
{
    /// <summary>Settings that follow from others (a set's fingerprint follows from its name and content).</summary>
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal) { "SetFingerprint" };

    public static string For(string evaluator, string protocol, string protocolJson, IEnumerable<string> otherProtocolJsons)
    {
        var own = Settings(protocolJson);
        var others = otherProtocolJsons.Select(Settings).Where(o => o is not null).ToList();
        if (own is null || others.Count == 0)
        {
            return $"{evaluator}@{protocol}";
        }

        var differing = own
            .Where(pair => !Derived.Contains(pair.Key) && others.Any(other => !other!.TryGetValue(pair.Key, out var value) || value != pair.Value))
            .Select(pair => $"{pair.Key}={pair.Value}")
            .ToList();
        return differing.Count == 0 ? $"{evaluator}@{protocol}" : $"{evaluator} ({string.Join(", ", differing)})";
    }

    private static Dictionary<string, string>? Settings(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject settings
                ? settings.ToDictionary(pair => pair.Key, pair => pair.Value?.ToJsonString().Trim('"') ?? "null", StringComparer.Ordinal)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
