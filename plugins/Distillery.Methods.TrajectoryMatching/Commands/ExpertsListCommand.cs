using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Methods.TrajectoryMatching.Experts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Methods.TrajectoryMatching.Commands;

/// <summary>Lists the expert trajectories in the workspace, one row per group of experts that share their settings.</summary>
internal sealed class ExpertsListCommand(ExpertStore store, ICommandOutput output) : AsyncCommand<DistillerySettings>
{
    public static CommandRegistration Registration { get; } = new("experts list", "List the expert trajectories of mtt and tesla in the workspace.")
    {
        Examples = [["experts", "list"], ["experts", "list", "--output", "json"]],
    };

    public override async Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken)
    {
        var groups = await store.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            output.WriteJson(new JsonArray([.. groups.Select(Describe)]));
            return CommandExitCodes.Success;
        }

        if (groups.Count == 0)
        {
            output.Console.MarkupLine("No expert trajectories in the workspace yet. [bold]mtt[/] and [bold]tesla[/] train and store them.");
            return CommandExitCodes.Success;
        }

        var table = new Table().AddColumns("Key", "Architecture", "Dataset", "Experts", "Epochs", "lr", "Batch", "Images", "Augmentation", "Training s", "MB");
        foreach (var group in groups)
        {
            var s = group.Settings;
            var experts = group.Damaged == 0 ? $"{group.Experts}" : $"{group.Experts} (+{group.Damaged} damaged)";
            table.AddRow(
                Markup.Escape(group.Key),
                Markup.Escape(s?.Architecture ?? "-"),
                Markup.Escape(s?.Dataset ?? "-"),
                experts,
                Invariant(s?.Epochs),
                s is null ? "-" : s.LearningRate.ToString("G4", CultureInfo.InvariantCulture),
                Invariant(s?.Batch),
                Invariant(s?.Images),
                Markup.Escape(s?.Augmentation ?? "-"),
                group.Seconds.ToString("F0", CultureInfo.InvariantCulture),
                (group.Bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture));
        }

        output.Console.Write(table);
        return CommandExitCodes.Success;
    }

    private static JsonNode Describe(ExpertGroup group)
    {
        var s = group.Settings;
        return new JsonObject
        {
            ["key"] = group.Key,
            ["architecture"] = s?.Architecture,
            ["dataset"] = s?.Dataset,
            ["experts"] = group.Experts,
            ["damaged"] = group.Damaged,
            ["epochs"] = s?.Epochs,
            ["learning_rate"] = s?.LearningRate,
            ["batch"] = s?.Batch,
            ["images"] = s?.Images,
            ["augmentation"] = s?.Augmentation,
            ["seed"] = s?.Seed,
            ["training_seconds"] = group.Seconds,
            ["bytes"] = group.Bytes,
        };
    }

    private static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
