using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Runs;

/// <summary>Shows one run record: its status, times, the set it made and every setting it ran with.</summary>
public sealed class RunsShowCommand(IWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<RunsShowCommand.Settings>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The run's id (see 'distillery runs list'); a unique prefix is enough.")]
        public string Id { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(cancellationToken).ConfigureAwait(false);
        var run = Find(runs, settings.Id);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, RunJson.Describe(run));
            return ExitCodes.Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Id", Markup.Escape(run.Id));
        grid.AddRow("Kind", Markup.Escape(run.Kind));
        grid.AddRow("Status", RunsListCommand.Status(run.Status));
        grid.AddRow("Started", run.StartedAt.ToString("u", CultureInfo.InvariantCulture));
        grid.AddRow("Finished", run.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
        grid.AddRow("Seconds", RunJson.Seconds(run)?.ToString("F1", CultureInfo.InvariantCulture) ?? "-");
        grid.AddRow("Set", Markup.Escape(run.SetName ?? "-"));
        grid.AddRow("Settings", Markup.Escape(RunJson.Settings(run)?.ToJsonString(Indented) ?? run.Json));
        terminal.Out.Write(grid);
        return ExitCodes.Success;
    }

    private static RunRecord Find(IReadOnlyList<RunRecord> runs, string id)
    {
        var exact = runs.FirstOrDefault(run => string.Equals(run.Id, id, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var matches = runs.Where(run => run.Id.StartsWith(id, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UserErrorException($"No run '{id}' in the workspace. See 'distillery runs list'."),
            _ => throw new UserErrorException($"'{id}' names {matches.Count} runs ({string.Join(", ", matches.Select(m => m.Id).Take(5))}); give more of the id."),
        };
    }
}
