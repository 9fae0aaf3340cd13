using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Configuration;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>Runs the built-in demonstration: the experiment in the <c>Demo</c> configuration section.</summary>
public sealed class DemoCommand(ScenarioExecutor executor, Experiment? experiment = null) : AsyncCommand<DistillerySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DistillerySettings settings, CancellationToken cancellationToken) =>
        executor.RunAsync(experiment ?? new Experiment(HostConfiguration.DefaultScenario, HostConfiguration.DemoSection), cancellationToken);
}
