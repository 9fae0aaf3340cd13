using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Memory;

/// <summary>Lists the continual-learning memory buffers in the workspace.</summary>
public sealed class MemoryListCommand(IMemoryBufferStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<DistillerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        var buffers = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonArray(buffers.Select(b => (JsonNode)MemoryJson.Describe(b)).ToArray()));
            return ExitCodes.Success;
        }

        if (buffers.Count == 0)
        {
            terminal.Out.MarkupLine("No memory buffers in the workspace yet. The [bold]continual[/] scenario makes them.");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Name", "Method", "Dataset", "Per class", "Steps", "Images", "Writer");
        foreach (var buffer in buffers)
        {
            var s = buffer.Settings;
            var steps = s is null ? "damaged" : $"{buffer.Steps.Count}/{s.Steps.Count}";
            table.AddRow(
                Markup.Escape(buffer.Name),
                Markup.Escape(s?.Method ?? "-"),
                Markup.Escape(s?.Dataset ?? "-"),
                s?.MemoryPerClass.ToString(CultureInfo.InvariantCulture) ?? "-",
                steps,
                buffer.Images.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(buffer.Writer ?? "-"));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
