using System.ComponentModel;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Exchange;
using Distillery.Scenarios.Continual.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>Writes a buffer's memory (every stored step) to a PyTorch <c>.pt</c> file.</summary>
internal sealed class MemoryExportCommand(IMemoryBufferStore store, ICommandOutput output) : AsyncCommand<MemoryExportCommand.Settings>
{
    public sealed class Settings : MemorySettings
    {
        [CommandArgument(1, "<FILE>")]
        [Description("The .pt file to write (torch.load reads it as a dict of images, labels, provenance), or a folder to write NAME.pt into.")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var set = await MemoryBufferSets.LoadAsync(store, settings.Name, cancellationToken).ConfigureAwait(false);
        var path = ExportTarget.Export(set, settings.File, settings.Name);
        if (output.IsJson)
        {
            output.WriteJson(new JsonObject { ["buffer"] = settings.Name, ["file"] = path });
        }
        else
        {
            output.Console.MarkupLineInterpolated($"Exported [bold]{settings.Name}[/] to {path}");
        }

        return CommandExitCodes.Success;
    }
}
