using System.ComponentModel;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Progress;
using Distillery.Storage;
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
        using var set = await store.LoadSetAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        var png = await progress.RunAsync(reporter =>
            picture.WriteAsync(set, settings.Out ?? picture.DefaultPath(settings.Name), reporter, cancellationToken)).ConfigureAwait(false);

        if (arguments.Output == OutputFormat.Json)
        {
            var json = info is null ? new System.Text.Json.Nodes.JsonObject { ["name"] = settings.Name } : SetJson.Describe(info);
            json["png"] = png;
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
        grid.AddRow("Options", Markup.Escape(p.OptionsJson));
        grid.AddRow("Created", p.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var metric in p.Metrics)
        {
            grid.AddRow(Markup.Escape(metric.Key), metric.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        }

        grid.AddRow("PNG", Markup.Escape(png));
        terminal.Out.Write(grid);
        return ExitCodes.Success;
    }
}
