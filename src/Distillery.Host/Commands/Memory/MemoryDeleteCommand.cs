using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Memory;

/// <summary>Removes a memory buffer and all its memory from the workspace.</summary>
public sealed class MemoryDeleteCommand(IMemoryBufferStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<MemorySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MemorySettings settings, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(settings.Name, cancellationToken).ConfigureAwait(false);
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
