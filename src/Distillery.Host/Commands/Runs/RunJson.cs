using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Storage;

namespace Distillery.Host.Commands.Runs;

/// <summary>A run record as the JSON of <c>runs list</c> and <c>runs show</c>.</summary>
internal static class RunJson
{
    public static JsonObject Describe(RunRecord run) => new()
    {
        ["id"] = run.Id,
        ["kind"] = run.Kind,
        ["status"] = run.Status,
        ["started"] = run.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        ["finished"] = run.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["seconds"] = Seconds(run),
        ["set"] = run.SetName,
        ["settings"] = Settings(run),
    };

    /// <summary>Wall time from start to finish, or null while the record says it is running.</summary>
    public static double? Seconds(RunRecord run) =>
        run.FinishedAt is { } finished ? Math.Round((finished - run.StartedAt).TotalSeconds, 1) : null;

    public static JsonNode? Settings(RunRecord run)
    {
        try
        {
            return JsonNode.Parse(run.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            return run.Json;
        }
    }
}
