using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Sets;

/// <summary>Removes a stored set from the workspace.</summary>
public sealed class SetsDeleteCommand(IWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<SetSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SetSettings settings, CancellationToken cancellationToken)
    {
        if (!await store.SetExistsAsync(settings.Name, cancellationToken).ConfigureAwait(false))
        {
            throw new UserErrorException($"No set named '{settings.Name}' in the workspace (see 'distillery sets list').");
        }

        await store.DeleteSetAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new System.Text.Json.Nodes.JsonObject { ["deleted"] = settings.Name });
        }
        else
        {
            terminal.Out.MarkupLineInterpolated($"Deleted [bold]{settings.Name}[/].");
        }

        return ExitCodes.Success;
    }
}
