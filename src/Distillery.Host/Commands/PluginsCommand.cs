using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>Lists every component of every plugin, and every plugin that was not loaded with its reason.</summary>
public sealed class PluginsCommand(PluginLoadReport report, Terminal terminal, HostArguments arguments) : Command<DistillerySettings>
{
    public override int Execute(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        var rows = Rows().ToList();
        if (arguments.Output == OutputFormat.Json)
        {
            var array = new JsonArray();
            foreach (var row in rows)
            {
                var item = new JsonObject
                {
                    ["kind"] = row.Kind,
                    ["name"] = row.Name,
                    ["plugin"] = row.Plugin,
                    ["version"] = row.Version,
                    ["status"] = row.Status.ToString(),
                };
                if (row.Reason is not null)
                {
                    item["reason"] = row.Reason;
                }

                item["help"] = row.Help;
                item["folder"] = row.Folder;
                array.Add(item);
            }

            JsonOutput.Write(terminal.Streams.Out, array);
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            terminal.Out.MarkupLineInterpolated($"No plugins in [bold]{string.Join(", ", report.Directories)}[/].");
            return ExitCodes.Success;
        }

        var table = new Table().Title($"Plugins in {Markup.Escape(string.Join(", ", report.Directories))}")
            .AddColumns("Kind", "Name", "Plugin", "Version", "Status", "Help");
        foreach (var row in rows)
        {
            var status = row.Status switch
            {
                PluginStatus.Active => "[green]Active[/]",
                PluginStatus.Disabled => "[grey]Disabled[/]",
                _ => $"[red]{row.Status}[/]",
            };
            var help = row.Reason is null ? Markup.Escape(row.Help) : $"[red]{Markup.Escape(row.Reason)}[/]";
            table.AddRow(Markup.Escape(row.Kind), Markup.Escape(row.Name), Markup.Escape(row.Plugin), Markup.Escape(row.Version), status, help);
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }

    private IEnumerable<Row> Rows()
    {
        foreach (var plugin in report.Plugins)
        {
            if (plugin.Status != PluginStatus.Active || plugin.Components.Count == 0)
            {
                yield return new Row("plugin", plugin.Id, plugin.Id, plugin.Version, plugin.Status, plugin.Reason, plugin.Manifest?.Description ?? string.Empty, plugin.Folder);
                continue;
            }

            foreach (var component in plugin.Components.OrderBy(c => c.Descriptor.Kind.Name, StringComparer.Ordinal).ThenBy(c => c.Descriptor.Name, StringComparer.Ordinal))
            {
                var descriptor = component.Descriptor;
                yield return new Row(
                    descriptor.Kind.Name,
                    descriptor.Name,
                    plugin.Id,
                    plugin.Version,
                    component.Status,
                    component.Reason,
                    descriptor.Help,
                    plugin.Folder);
            }
        }
    }

    private sealed record Row(string Kind, string Name, string Plugin, string Version, PluginStatus Status, string? Reason, string Help, string Folder);
}
