using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Scenarios.Continual.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>Lists the continual-learning memory buffers in the workspace.</summary>
internal sealed class MemoryListCommand(IMemoryBufferStore store, ICommandOutput output) : AsyncCommand<DistillerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        var buffers = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            output.WriteJson(new JsonArray(buffers.Select(b => (JsonNode)MemoryJson.Describe(b)).ToArray()));
            return CommandExitCodes.Success;
        }

        if (buffers.Count == 0)
        {
            output.Console.MarkupLine("No memory buffers in the workspace yet. The [bold]continual[/] scenario makes them.");
            return CommandExitCodes.Success;
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

        output.Console.Write(table);
        return CommandExitCodes.Success;
    }
}
