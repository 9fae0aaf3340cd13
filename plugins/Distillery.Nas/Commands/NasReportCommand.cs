using System.ComponentModel;
using Distillery.Commands;
using Distillery.Nas.Reports;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Nas.Commands;

/// <summary>
/// The proxy-quality report: how well each proxy's stored scores rank the candidates that have a stored ground truth
/// (rank correlations, top-1 regret, precision at k, cost and speed-up), as a table on the console (or one JSON
/// document), a Markdown and a JSON file, and a scatter plot per proxy.
/// </summary>
internal sealed class NasReportCommand(ProxyReportBuilder builder, ICommandOutput output, IConfiguration configuration) : AsyncCommand<NasReportCommand.Settings>
{
    public const string Name = "nas-report";

    public static CommandRegistration Registration { get; } = new(Name, "Measure proxies against the stored ground truth: Spearman ρ and Kendall τ (all, top 10, top 20), top-1 regret, precision@5/10, time and speed-up; Markdown, JSON and a scatter plot per proxy.")
    {
        Examples =
        [
            ["nas-report"],
            ["nas-report", "--dataset", "fashion-mnist", "--evaluators", "set,synflow,params", "--score-missing"],
            ["nas-report", "--seed", "1", "--out-dir", "reports", "--output", "json"],
            ["nas-report", "--combine", "set+naswot,set+synflow"],
        ],
    };

    public sealed class Settings : DistillerySettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("The dataset whose scores to report (default fashion-mnist); it is loaded to check which data the scores were made on.")]
        public string? Dataset { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("The seed the scores were made with (default 0).")]
        public long? Seed { get; init; }

        [CommandOption("--evaluators <LIST>")]
        [Description("Proxies to report, comma-separated, under their current settings (default: every evaluator with stored scores for the ground truth's candidates, each protocol apart).")]
        public string? Evaluators { get; init; }

        [CommandOption("--score-missing")]
        [Description("Score, and store, the candidates a proxy named in --evaluators has no score for (otherwise it is reported over the ones it has).")]
        public bool ScoreMissing { get; init; }

        [CommandOption("--combine <COMBINATIONS>")]
        [Description("Proxies to report combined by mean rank as well, two or more joined by +, e.g. set+naswot,set+subset+early-stop (a proxy by its label or evaluator name; commas inside a label's parentheses stay in the label).")]
        public string? Combine { get; init; }

        [CommandOption("--out-dir <DIR>")]
        [Description("Where the Markdown, JSON and PNG files go (default: Output:Directory, out/).")]
        public string? OutDir { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var evaluators = settings.Evaluators?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (evaluators is { Count: 0 })
        {
            throw new UserErrorException("--evaluators names no evaluator: give a comma-separated list, e.g. --evaluators set,synflow, or leave it out for every one with stored scores.")
            {
                Value = settings.Evaluators,
            };
        }

        var request = new ProxyReportRequest(settings.Dataset ?? "fashion-mnist", settings.Seed ?? 0, evaluators, settings.ScoreMissing)
        {
            Combinations = CombinationList.Parse(settings.Combine),
        };
        var report = await output.RunWithProgressAsync(progress => builder.BuildAsync(request, progress, cancellationToken)).ConfigureAwait(false);
        var files = ProxyReportWriter.Write(report, settings.OutDir ?? configuration["Output:Directory"] ?? "out");
        if (output.IsJson)
        {
            output.WriteJson(ProxyReportJson.Create(report, files));
            return CommandExitCodes.Success;
        }

        output.Console.Write(new Rule($"[bold]{Markup.Escape(ProxyReportTable.Title(report))}[/]").LeftJustified());
        var table = new Table();
        foreach (var column in ProxyReportTable.Header)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in ProxyReportTable.Rows(report))
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        output.Console.Write(table);
        foreach (var note in report.Notes)
        {
            output.Console.MarkupLineInterpolated($"[yellow]Note:[/] {note}");
        }

        output.Console.MarkupLineInterpolated($"Wrote {files.Markdown}");
        output.Console.MarkupLineInterpolated($"Wrote {files.Json}");
        foreach (var plot in files.Plots.Values)
        {
            output.Console.MarkupLineInterpolated($"Wrote {plot}");
        }

        return CommandExitCodes.Success;
    }
}
