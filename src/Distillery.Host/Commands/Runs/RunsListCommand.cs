using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Runs;

/// <summary>Lists the run records in the workspace, newest first.</summary>
public sealed class RunsListCommand(IWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<DistillerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        var runs = (await store.ListRunsAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(run => run.StartedAt)
            .ToList();
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonArray(runs.Select(run => (JsonNode)RunJson.Describe(run)).ToArray()));
            return ExitCodes.Success;
        }

        if (runs.Count == 0)
        {
            terminal.Out.MarkupLine("No runs in the workspace yet. Start one with [bold]distillery distill --method herding --dataset fashion-mnist --ipc 10[/].");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Id", "Kind", "Status", "Started", "Seconds", "Set");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Id),
                Markup.Escape(run.Kind),
                Status(run.Status),
                run.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                RunJson.Seconds(run)?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(run.SetName ?? "-"));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }

    internal static string Status(string status) => status switch
    {
        "completed" => "[green]completed[/]",
        "running" => "[yellow]running[/]",
        _ => $"[red]{Markup.Escape(status)}[/]",
    };
}
