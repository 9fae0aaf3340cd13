using System.ComponentModel;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Progress;
using Distillery.Storage;
using Distillery.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Sets;

/// <summary>Shows a stored set's provenance and draws it as a PNG grid.</summary>
public sealed class SetsShowCommand(
    IWorkspaceStore store,
    SetPicture picture,
    ProgressDisplay progress,
    Terminal terminal,
    HostArguments arguments) : AsyncCommand<SetsShowCommand.Settings>
{
    public sealed class Settings : SetSettings
    {
        [CommandOption("--out <PATH>")]
        [Description("Where to write the PNG grid (default: Output:Directory/NAME.png).")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var info = (await store.ListSetsAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(s => s.Name == settings.Name);
        var evaluations = SetJson.Evaluations(await store.ListRunsAsync(cancellationToken).ConfigureAwait(false), settings.Name);
        using var set = await store.LoadSetAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        var png = await progress.RunAsync(reporter =>
            picture.WriteAsync(set, settings.Out ?? picture.DefaultPath(settings.Name), reporter, cancellationToken)).ConfigureAwait(false);

        if (arguments.Output == OutputFormat.Json)
        {
            var json = info is null ? new System.Text.Json.Nodes.JsonObject { ["name"] = settings.Name } : SetJson.Describe(info);
            json["png"] = png;
            json["evaluations"] = evaluations;
            JsonOutput.Write(terminal.Streams.Out, json);
            return ExitCodes.Success;
        }

        var p = set.Provenance;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Name", Markup.Escape(settings.Name));
        grid.AddRow("Method", Markup.Escape(p.Method));
        grid.AddRow("Dataset", Markup.Escape(p.Dataset));
        grid.AddRow("Images per class", p.ImagesPerClass.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("Architecture", Markup.Escape(p.Architecture ?? "-"));
        grid.AddRow("Seed", p.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("Shape", string.Join("×", set.Images.shape));
        if (!set.Formation.IsNone)
        {
            grid.AddRow("Decoding", Markup.Escape($"{set.Formation}: networks train on {set.Images.shape[0] * set.Formation.ImagesPerStored} images"));
        }

        if (p.DecodedFromFactor is { } factor)
        {
            grid.AddRow("Decoded", Markup.Escape($"these are the training images of a set that stored 1/{factor * factor} as many, decoded ×{factor} by multi-formation"));
        }

        grid.AddRow("Budget", Markup.Escape(SetBudget.Of(set).ToString()));
        grid.AddRow("Options", Markup.Escape(p.OptionsJson));
        grid.AddRow("Created", p.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var metric in p.Metrics)
        {
            grid.AddRow(Markup.Escape(metric.Key), metric.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (p.Environment is { } environment)
        {
            grid.AddRow("Made with", Markup.Escape(
                $"host {environment.HostVersion ?? "?"}, {environment.Threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} threads, " +
                $"{environment.InstructionSet ?? "?"}{(environment.Processor is null ? string.Empty : $" ({environment.Processor})")}"));
            foreach (var (file, sha) in environment.DatasetFiles ?? new Dictionary<string, string>())
            {
                grid.AddRow(Markup.Escape(file), $"sha256 {sha}");
            }
        }

        foreach (var evaluation in evaluations)
        {
            grid.AddRow("Evaluated", Markup.Escape(DescribeEvaluation(evaluation!)));
        }

        grid.AddRow("PNG", Markup.Escape(png));
        terminal.Out.Write(grid);
        return ExitCodes.Success;
    }

    /// <summary>One line per evaluation: when, and each architecture's mean ± std beside the random subset's.</summary>
    private static string DescribeEvaluation(System.Text.Json.Nodes.JsonNode evaluation)
    {
        var report = evaluation["report"];
        string Results(string key) => string.Join(", ", (report?[key]?.AsArray() ?? []).Select(r =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(string?)r?["arch"]} {100 * (double?)r?["mean"]:F2} ± {100 * (double?)r?["std"]:F2} %")));
        var set = Results("results");
        var hard = Results("hard_labels");
        var baseline = Results("baseline");
        var when = (string?)evaluation["finished"] ?? "?";
        return $"{when}: {(set.Length == 0 ? "—" : set)}{(hard.Length == 0 ? string.Empty : $" (hard labels: {hard})")}" +
            $"{(baseline.Length == 0 ? string.Empty : $" (random subset: {baseline})")}, " +
            $"{Counted.Of((long?)report?["networks"] ?? 0, "network")} × {Counted.Of((long?)report?["epochs"] ?? 0, "epoch")}";
    }
}
