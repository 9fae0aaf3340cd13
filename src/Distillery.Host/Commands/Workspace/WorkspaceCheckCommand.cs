using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Workspace;

/// <summary>
/// Reads every set, run, checkpoint and plugin document of the workspace, checking every tensor's SHA-256, and lists the
/// damaged ones. Exit 0 when all is well, 2 when something is damaged. Never writes.
/// </summary>
public sealed class WorkspaceCheckCommand(LiteDbWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<DistillerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        WorkspaceFileRequired.Check(store);
        var report = await store.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonObject
            {
                ["workspace"] = report.Path,
                ["bytes"] = report.Bytes,
                ["clean"] = report.IsClean,
                ["checked"] = new JsonObject(report.Checked.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
                ["damaged"] = new JsonArray(report.Problems.Select(p => (JsonNode)new JsonObject
                {
                    ["kind"] = p.Kind,
                    ["name"] = p.Name,
                    ["problem"] = p.Problem,
                }).ToArray()),
            });
        }
        else
        {
            var items = string.Join(", ", report.Checked.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Value} {pair.Key}")));
            terminal.Out.MarkupLineInterpolated($"Checked {report.Path}: {(items.Length == 0 ? "nothing readable" : items)}.");
            if (report.IsClean)
            {
                terminal.Out.MarkupLine("[green]No damage found[/]: every document reads and every tensor matches its SHA-256.");
            }
            else
            {
                var table = new Table().AddColumns("Kind", "Name", "What is wrong");
                foreach (var problem in report.Problems)
                {
                    table.AddRow(Markup.Escape(problem.Kind), Markup.Escape(problem.Name), Markup.Escape(problem.Problem));
                }

                terminal.Out.Write(table);
            }
        }

        if (report.IsClean)
        {
            return ExitCodes.Success;
        }

        terminal.Streams.Error.WriteLine(
            $"error: {report.Problems.Count} damaged item(s) in {report.Path}. Delete the damaged sets or runs and make them again, " +
            "or restore the file from a copy.");
        return ExitCodes.UserError;
    }
}
