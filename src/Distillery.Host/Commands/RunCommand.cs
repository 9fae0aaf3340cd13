using System.ComponentModel;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Configuration;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>
/// Runs an experiment file. The host has already laid the file over its configuration (see
/// <see cref="HostConfiguration"/>), so the scenario and its components see the file's settings.
/// </summary>
public sealed class RunCommand(ScenarioExecutor executor, Experiment? experiment = null) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : DistillerySettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The experiment: JSON with a top-level \"scenario\" and any settings (Methods, Evaluation, Scenarios, ...).")]
        public string File { get; init; } = string.Empty;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        executor.RunAsync(experiment ?? ExperimentFile.Read(settings.File), cancellationToken);
}
