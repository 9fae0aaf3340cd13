using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Scenarios;
using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>A search's leaderboard, confirmations and choice as tables and one JSON document.</summary>
internal static class SearchReport
{
    public static RunReport Create(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var computed = result.Trials.Count(t => !t.Stored);
        var tables = new List<ReportTable>
        {
            new(
                $"Leaderboard: {o.Strategy} over {o.Space} on {o.Dataset}, scored by {o.Evaluator} ({result.Trials.Count} trials, {computed} computed now, {result.Seconds:F0} s)",
                ["#", "candidate", "score", "epochs", "seconds", ""],
                [.. result.Leaderboard.Take(o.Show).Select((t, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    t.Trial.Candidate.Name,
                    t.Score.Failed ? "failed" : Score(t.Score.Value, result.ScoresAreAccuracies),
                    t.Trial.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "all",
                    t.Score.Seconds.ToString("F1", CultureInfo.InvariantCulture),
                    t.Score.Failure ?? (t.Stored ? "stored" : string.Empty),
                ])]),
        };

        if (result.Confirmations.Count > 0)
        {
            tables.Add(new ReportTable(
                $"Confirmed by {o.ConfirmWith}",
                ["candidate", $"{o.Evaluator} score", $"{o.ConfirmWith} accuracy", "seconds"],
                [.. result.Confirmations.Select(c => (IReadOnlyList<string>)
                [
                    c.Proxy.Trial.Candidate.Name,
                    Score(c.Proxy.Score.Value, result.ScoresAreAccuracies),
                    c.Truth.Score.Failed ? $"failed ({c.Truth.Score.Failure})" : Percent(c.Truth.Score.Value),
                    c.Truth.Score.Seconds.ToString("F1", CultureInfo.InvariantCulture),
                ])]));
        }

        var choice = result.Choice;
        var title = choice is null
            ? "Architecture search: no candidate could be scored"
            : $"Architecture search: use {choice.Architecture}";
        return new RunReport(title, tables, ToJson(result), []);
    }

    private static JsonObject ToJson(SearchResult result) => new()
    {
        ["dataset"] = result.Options.Dataset,
        ["space"] = result.Options.Space,
        ["strategy"] = result.Options.Strategy,
        ["evaluator"] = result.Options.Evaluator,
        ["protocol"] = result.Protocol,
        ["seed"] = result.Options.Seed,
        ["seconds"] = result.Seconds,
        ["choice"] = result.Choice?.Architecture,
        ["leaderboard"] = new JsonArray([.. result.Leaderboard.Select(t => (JsonNode)Trial(t))]),
        ["trials"] = new JsonArray([.. result.Trials.Select(t => (JsonNode)Trial(t))]),
        ["confirmations"] = new JsonArray([.. result.Confirmations.Select(c => (JsonNode)new JsonObject
        {
            ["candidate"] = c.Proxy.Trial.Candidate.Name,
            ["proxy"] = Number(c.Proxy.Score.Value),
            ["truth"] = Number(c.Truth.Score.Value),
            ["truthFailure"] = c.Truth.Score.Failure,
            ["truthSeconds"] = c.Truth.Score.Seconds,
        })]),
    };

    public static JsonObject Trial(ScoredTrial t) => new()
    {
        ["candidate"] = t.Trial.Candidate.Name,
        ["architecture"] = t.Architecture,
        ["epochs"] = t.Trial.Epochs,
        ["score"] = Number(t.Score.Value),
        ["failure"] = t.Score.Failure,
        ["seconds"] = t.Score.Seconds,
        ["stored"] = t.Stored,
    };

    /// <summary>A JSON number, or null for NaN and infinities (which JSON cannot hold).</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string Score(double value, bool accuracy) =>
        accuracy ? Percent(value) : value.ToString("G5", CultureInfo.InvariantCulture);

    private static string Percent(double value) =>
        double.IsFinite(value) ? value.ToString("P2", CultureInfo.InvariantCulture) : "-";
}
