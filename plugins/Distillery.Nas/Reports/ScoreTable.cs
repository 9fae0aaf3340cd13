using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Distillery.Nas.Scores;

namespace Distillery.Nas.Reports;

/// <summary>
/// Stored scores as a table, one row per score: evaluator, candidate, architecture, dataset, seed, epochs (0: the
/// evaluator's full protocol), protocol, accuracy (the score: a test accuracy for an evaluator that trains; empty or
/// null when it failed), failure, seconds, threads, processor, its widest vector instruction set (which decides libtorch's kernels, so
/// scores made on another set may differ in the last digits) and when it was recorded (ISO 8601, UTC).
/// </summary>
internal static class ScoreTable
{
    public static IReadOnlyList<string> Columns { get; } =
        ["evaluator", "candidate", "architecture", "dataset", "seed", "epochs", "protocol", "accuracy", "failure", "seconds", "threads", "processor", "instruction_set", "recorded"];

    /// <summary>RFC 4180 CSV with a header line; fields with a comma, quote or line break are quoted.</summary>
    public static string ToCsv(IEnumerable<ScoreDocument> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append('\n');
        foreach (var score in scores)
        {
            csv.AppendJoin(',', Cells(score).Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    public static JsonArray ToJson(IEnumerable<ScoreDocument> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return new JsonArray([.. scores.Select(s => (JsonNode)new JsonObject
        {
            ["evaluator"] = s.Evaluator,
            ["candidate"] = s.Candidate,
            ["architecture"] = s.Architecture,
            ["dataset"] = s.Dataset,
            ["seed"] = s.Seed,
            ["epochs"] = s.Epochs,
            ["protocol"] = s.Protocol,
            ["accuracy"] = ReportFormat.Json(s.Value),
            ["failure"] = s.Failure,
            ["seconds"] = s.Seconds,
            ["threads"] = s.Threads,
            ["processor"] = s.Processor,
            ["instruction_set"] = s.InstructionSet,
            ["recorded"] = s.Recorded.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        })]);
    }

    private static IEnumerable<string> Cells(ScoreDocument s) =>
    [
        s.Evaluator,
        s.Candidate,
        s.Architecture,
        s.Dataset,
        s.Seed.ToString(CultureInfo.InvariantCulture),
        s.Epochs.ToString(CultureInfo.InvariantCulture),
        s.Protocol,
        double.IsFinite(s.Value) ? s.Value.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        s.Failure ?? string.Empty,
        s.Seconds.ToString("R", CultureInfo.InvariantCulture),
        s.Threads?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        s.Processor ?? string.Empty,
        s.InstructionSet ?? string.Empty,
        s.Recorded.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    ];

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
