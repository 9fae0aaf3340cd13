using System.ComponentModel;
using Distillery.Commands;
using Spectre.Console.Cli;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>
/// Runs the continual-learning scenario with the <c>Scenarios:continual</c> settings, optionally from an experiment
/// file, which the host lays over its configuration before it starts (see <see cref="Registration"/>). The flags are
/// this run's own settings of the scenario.
/// </summary>
internal sealed class ContinualCommand(IScenarioRunner scenarios) : AsyncCommand<ContinualCommand.Settings>
{
    public const string Name = "continual";

    /// <summary>The command's path, help, examples, experiment file and flags (each sets a key of <c>Scenarios:continual</c>).</summary>
    public static CommandRegistration Registration { get; } = new(Name, "Run the continual-learning scenario (Scenarios:continual settings, or a continual experiment file).")
    {
        Examples =
        [
            ["continual", "experiments/continual-split-fashion-mnist.json", "--output", "json"],
            ["continual", "experiments/continual-split-fashion-mnist.json", "--reuse-memory"],
        ],
        ExperimentScenario = ContinualScenario.Name,
    };

    public sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("An experiment file for the continual scenario (optional: otherwise the Scenarios:continual settings).")]
        public string? File { get; init; }

        [CommandOption("--reuse-memory")]
        [Description("Train on the memory already in the buffers and never distill; every step must be stored (another process may be writing it).")]
        public bool ReuseMemory { get; init; }

        [CommandOption("--overwrite")]
        [Description("Replace buffers made with other settings and discard stored results instead of refusing.")]
        public bool Overwrite { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (settings.ReuseMemory)
        {
            overrides[nameof(ContinualOptions.ReuseMemory)] = "true";
        }

        if (settings.Overwrite)
        {
            overrides[nameof(ContinualOptions.Overwrite)] = "true";
        }

        return scenarios.RunAsync(ContinualScenario.Name, overrides, cancellationToken);
    }
}
