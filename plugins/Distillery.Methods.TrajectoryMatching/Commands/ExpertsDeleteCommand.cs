using System.ComponentModel;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Methods.TrajectoryMatching.Experts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Methods.TrajectoryMatching.Commands;

/// <summary>Deletes a group of expert trajectories (every expert under one key); a later run that needs them trains them again.</summary>
internal sealed class ExpertsDeleteCommand(ExpertStore store, ICommandOutput output) : AsyncCommand<ExpertsDeleteCommand.Settings>
{
    public static CommandRegistration Registration { get; } = new(
        "experts delete", "Delete the expert trajectories stored under a key; mtt and tesla train them again when a run needs them.")
    {
        Examples = [["experts", "delete", "convnet/fashion-mnist/0123456789abcdef"]],
    };

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteGroupAsync(settings.Key, cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            output.WriteJson(new JsonObject { ["deleted"] = settings.Key, ["experts"] = deleted });
        }
        else
        {
            output.Console.MarkupLineInterpolated($"Deleted {deleted} expert trajectories under [bold]{settings.Key}[/].");
        }

        return CommandExitCodes.Success;
    }

    internal sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "<KEY>")]
        [Description("The key of the experts (see 'distillery experts list').")]
        public string Key { get; init; } = string.Empty;
    }
}
