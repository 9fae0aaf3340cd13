using System.ComponentModel;
using Distillery.Host.Cli;
using Distillery.Host.Configuration;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>
/// Runs the continual-learning scenario with the <c>Scenarios:continual</c> settings, optionally from an experiment
/// file. Its flags are configuration keys; the host sets them before it starts (see <see cref="HostConfiguration"/>).
/// </summary>
public sealed class ContinualCommand(ScenarioExecutor executor, Experiment? experiment = null) : AsyncCommand<ContinualCommand.Settings>
{
    public const string Name = "continual";
    public const string Scenario = "continual";

    /// <summary>The command's flags and the configuration keys they set to <c>true</c>.</summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--reuse-memory"] = "Scenarios:continual:ReuseMemory",
        ["--overwrite"] = "Scenarios:continual:Overwrite",
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

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        executor.RunAsync(experiment ?? new Experiment(Scenario, "configuration section Scenarios:continual"), cancellationToken);
}
