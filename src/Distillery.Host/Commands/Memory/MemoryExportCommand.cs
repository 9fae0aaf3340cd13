using System.ComponentModel;
using Distillery.Exchange;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Memory;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Memory;

/// <summary>Writes a buffer's memory (every stored step) to a PyTorch <c>.pt</c> file.</summary>
public sealed class MemoryExportCommand(IMemoryBufferStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<MemoryExportCommand.Settings>
{
    public sealed class Settings : MemorySettings
    {
        [CommandArgument(1, "<FILE>")]
        [Description("The .pt file to write (torch.load reads it as a dict of images, labels, provenance).")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var set = await MemoryBufferSets.LoadAsync(store, settings.Name, cancellationToken).ConfigureAwait(false);
        var path = Path.GetFullPath(settings.File);
        PyTorchSetFile.Export(set, path);
        ExportSummary.Write(terminal, arguments, "buffer", settings.Name, path);
        return ExitCodes.Success;
    }
}
