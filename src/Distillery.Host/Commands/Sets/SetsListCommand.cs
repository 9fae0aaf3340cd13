using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Sets;

/// <summary>Lists the synthetic sets in the workspace.</summary>
public sealed class SetsListCommand(IWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<DistillerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        var sets = await store.ListSetsAsync(cancellationToken).ConfigureAwait(false);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonArray(sets.Select(s => (JsonNode)SetJson.Describe(s)).ToArray()));
            return ExitCodes.Success;
        }

        if (sets.Count == 0)
        {
            terminal.Out.MarkupLine("No sets in the workspace yet. Make one with [bold]distillery distill --method herding --dataset fashion-mnist --ipc 10[/].");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Name", "Method", "Dataset", "IPC", "Arch", "Seed", "Shape", "Numbers", "Size", "Created");
        foreach (var set in sets)
        {
            var p = set.Provenance;
            table.AddRow(
                Markup.Escape(set.Name),
                Markup.Escape(p.Method),
                Markup.Escape(p.Dataset),
                p.ImagesPerClass.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(p.Architecture ?? "-"),
                p.Seed.ToString(CultureInfo.InvariantCulture),
                string.Join("×", set.Shape) + (set.Formation.IsNone ? string.Empty : $" (×{set.Formation.Factor})"),
                set.Budget.Numbers.ToString("N0", CultureInfo.InvariantCulture),
                SetJson.Size(set.Bytes),
                p.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
