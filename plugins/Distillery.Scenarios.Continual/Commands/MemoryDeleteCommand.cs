using Distillery.Commands;
using Distillery.Scenarios.Continual.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>Removes a memory buffer and all its memory from the workspace.</summary>
internal sealed class MemoryDeleteCommand(IMemoryBufferStore store, ICommandOutput output) : AsyncCommand<MemorySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MemorySettings settings, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            output.WriteJson(new System.Text.Json.Nodes.JsonObject { ["deleted"] = settings.Name });
        }
        else
        {
            output.Console.MarkupLineInterpolated($"Deleted [bold]{settings.Name}[/].");
        }

        return CommandExitCodes.Success;
    }
}
