using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Workspace;

/// <summary>
/// Rebuilds the workspace file without the space that replaced sets and finished checkpoints left, and reports the
/// size before and after. Refuses a damaged file.
/// </summary>
public sealed class WorkspaceCompactCommand(LiteDbWorkspaceStore store, Terminal terminal, HostArguments arguments) : AsyncCommand<DistillerySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        WorkspaceFileRequired.Check(store);
        var (before, after) = await store.CompactAsync(cancellationToken).ConfigureAwait(false);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, new JsonObject
            {
                ["workspace"] = store.Path,
                ["bytesBefore"] = before,
                ["bytesAfter"] = after,
            });
            return ExitCodes.Success;
        }

        terminal.Out.MarkupLineInterpolated(
            $"Compacted {store.Path}: {Size(before)} → {Size(after)} ({Size(Math.Max(0, before - after))} reclaimed).");
        return ExitCodes.Success;
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):F1} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 10):F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
