using System.ComponentModel;
using Distillery.Exchange;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Sets;

/// <summary>Writes a stored set to a PyTorch <c>.pt</c> file.</summary>
public sealed class SetsExportCommand(IWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<SetsExportCommand.Settings>
{
    public sealed class Settings : SetSettings
    {
        [CommandArgument(1, "<FILE>")]
        [Description("The .pt file to write (torch.load reads it as a dict of images, labels, provenance), or a folder to write NAME.pt into.")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var set = await store.LoadSetAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        var path = ExportTarget.Export(set, settings.File, settings.Name);
        ExportSummary.Write(terminal, arguments, "set", settings.Name, path);
        return ExitCodes.Success;
    }
}
