using System.Text.Json.Nodes;
using Distillery.Host.Cli;
using Spectre.Console;

namespace Distillery.Host.Output;

/// <summary>Says where an export went: a line of text, or <c>{ "&lt;kind&gt;": name, "file": path }</c> with <c>--output json</c>.</summary>
public static class ExportSummary
{
    public static void Write(Terminal terminal, HostArguments arguments, string kind, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonObject { [kind] = name, ["file"] = path });
        }
        else
        {
            terminal.Out.MarkupLineInterpolated($"Exported [bold]{name}[/] to {path}");
        }
    }
}
