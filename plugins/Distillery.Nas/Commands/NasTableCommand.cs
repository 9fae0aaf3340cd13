using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Nas.Evaluators;
using Distillery.Nas.Reports;
using Distillery.Nas.Scores;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Nas.Commands;

/// <summary>
/// Exports an evaluator's stored scores (the ground truth by default) as CSV or JSON, one row per score: the benchmark
/// table the workspace has grown into, for a spreadsheet or another tool.
/// </summary>
internal sealed class NasTableCommand(IScoreStore store, ICommandOutput output) : AsyncCommand<NasTableCommand.Settings>
{
    public const string Name = "nas-table";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static CommandRegistration Registration { get; } = new(Name, "Export stored candidate scores (the ground truth by default) as CSV or JSON, one row per score.")
    {
        Examples =
        [
            ["nas-table"],
            ["nas-table", "--out", "ground-truth.csv"],
            ["nas-table", "--evaluator", "synflow", "--dataset", "fashion-mnist", "--format", "json", "--out", "synflow.json"],
            ["nas-table", "--output", "json"],
        ],
    };

    public sealed class Settings : DistillerySettings
    {
        [CommandOption("--evaluator <NAME>")]
        [Description("Whose scores: full (the ground truth, default) or any evaluator's.")]
        public string? Evaluator { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("csv (default) or json; with --out, a file named .json is JSON unless told otherwise.")]
        public string? Format { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The file to write (default: stdout; with --output json, one JSON document of the rows).")]
        public string? Out { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Only the scores of this dataset (default: every dataset).")]
        public string? Dataset { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Only the scores made with this seed (default: every seed).")]
        public long? Seed { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var json = FormatIsJson(settings);
        var evaluator = settings.Evaluator ?? FullEvaluator.Name;
        var scores = (await store.ListAsync(evaluator, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Evaluator == evaluator)
            .Where(s => settings.Dataset is null || string.Equals(s.Dataset, settings.Dataset, StringComparison.OrdinalIgnoreCase))
            .Where(s => settings.Seed is null || s.Seed == settings.Seed)
            .ToList();

        if (settings.Out is null)
        {
            if (output.IsJson)
            {
                output.WriteJson(ScoreTable.ToJson(scores));
            }
            else
            {
                output.Console.Profile.Out.Writer.Write(json ? ScoreTable.ToJson(scores).ToJsonString(Indented) + "\n" : ScoreTable.ToCsv(scores));
            }

            return CommandExitCodes.Success;
        }

        var path = Path.GetFullPath(settings.Out);
        var directory = Path.GetDirectoryName(path);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, json ? ScoreTable.ToJson(scores).ToJsonString(Indented) + "\n" : ScoreTable.ToCsv(scores), cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            output.WriteJson(new JsonObject { ["file"] = path, ["format"] = json ? "json" : "csv", ["evaluator"] = evaluator, ["rows"] = scores.Count });
        }
        else
        {
            output.Console.MarkupLineInterpolated($"Wrote {scores.Count} score(s) of {evaluator} to {path}");
        }

        return CommandExitCodes.Success;
    }

    private static bool FormatIsJson(Settings settings) => settings.Format?.Trim().ToLowerInvariant() switch
    {
        null => settings.Out?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true,
        "csv" => false,
        "json" => true,
        _ => throw new UserErrorException($"'{settings.Format}' is not a table format: use --format csv or --format json.") { Value = settings.Format },
    };
}
