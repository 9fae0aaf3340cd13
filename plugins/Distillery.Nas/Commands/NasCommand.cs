using System.ComponentModel;
using System.Globalization;
using Distillery.Commands;
using Distillery.Nas.Searching;
using Spectre.Console.Cli;

namespace Distillery.Nas.Commands;

/// <summary>
/// Runs an architecture search with the <c>Scenarios:nas</c> settings, optionally from an experiment file; the flags
/// are this run's own settings of the scenario. Every score is stored as it is known, so the same command after an
/// interruption continues where it stopped.
/// </summary>
internal sealed class NasCommand(IScenarioRunner scenarios) : AsyncCommand<NasCommand.Settings>
{
    public static CommandRegistration Registration { get; } = new(NasScenario.Name, "Search architectures: rank candidates with a proxy (a distilled set, a subset, a zero-cost score), storing every score; Ctrl+C and rerun to resume.")
    {
        Examples =
        [
            ["nas", "--evaluator", "set", "--set", "dm-fashion-mnist-ipc10-seed0", "--strategy", "evolution", "--evaluations", "50", "--confirm-top", "3"],
            ["nas", "--evaluator", "synflow", "--strategy", "random", "--evaluations", "200", "--output", "json"],
            ["nas", "experiments/nas-fashion-mnist.json", "--evaluator", "full"],
            ["nas", "--evaluator", "full", "--strategy", "exhaustive", "--cluster"],
        ],
        ExperimentScenario = NasScenario.Name,
    };

    public sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("An experiment file for the nas scenario (optional: otherwise the Scenarios:nas settings).")]
        public string? File { get; init; }

        [CommandOption("--space <NAME>")]
        [Description("The search space: convnet (720 ConvNet variants), list, or a plugin's.")]
        public string? Space { get; init; }

        [CommandOption("--strategy <NAME>")]
        [Description("exhaustive, random, evolution (regularized evolution), halving (successive halving over epochs), or a plugin's.")]
        public string? Strategy { get; init; }

        [CommandOption("--evaluator <NAME>")]
        [Description("The proxy: set (a stored distilled set, --set), subset, early-stop, full (ground truth), or a score at initialisation: params, flops, synflow, naswot, snip, grad_norm; or a plugin's.")]
        public string? Evaluator { get; init; }

        [CommandOption("--set <NAME>")]
        [Description("The stored set the set evaluator trains candidates on.")]
        public string? Set { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("The dataset (default fashion-mnist).")]
        public string? Dataset { get; init; }

        [CommandOption("--evaluations <N>")]
        [Description("How many candidate evaluations the strategy may ask for.")]
        public int? Evaluations { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("The seed of the strategy and of every candidate's networks.")]
        public long? Seed { get; init; }

        [CommandOption("--cluster")]
        [Description("Train candidates on the cluster's workers (start them with 'distillery worker'; the Cluster settings say where the cluster is).")]
        public bool? Cluster { get; init; }

        [CommandOption("--confirm-top <K>")]
        [Description("Train the best K on the full data (ground truth) and report the architecture to use.")]
        public int? ConfirmTop { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        Put(overrides, nameof(NasOptions.Space), settings.Space);
        Put(overrides, nameof(NasOptions.Strategy), settings.Strategy);
        Put(overrides, nameof(NasOptions.Evaluator), settings.Evaluator);
        Put(overrides, nameof(NasOptions.Set), settings.Set);
        Put(overrides, nameof(NasOptions.Dataset), settings.Dataset);
        Put(overrides, nameof(NasOptions.Evaluations), settings.Evaluations?.ToString(CultureInfo.InvariantCulture));
        Put(overrides, nameof(NasOptions.Seed), settings.Seed?.ToString(CultureInfo.InvariantCulture));
        Put(overrides, nameof(NasOptions.ConfirmTop), settings.ConfirmTop?.ToString(CultureInfo.InvariantCulture));
        Put(overrides, nameof(NasOptions.Cluster), settings.Cluster is true ? "true" : null);
        return scenarios.RunAsync(NasScenario.Name, overrides, cancellationToken);
    }

    private static void Put(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
