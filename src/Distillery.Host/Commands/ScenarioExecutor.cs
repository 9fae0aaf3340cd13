using Distillery.Commands;
using Distillery.Components;
using Distillery.Host.Cli;
using Distillery.Host.Configuration;
using Distillery.Host.Output;
using Distillery.Host.Progress;
using Distillery.Scenarios;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Distillery.Host.Commands;

/// <summary>Runs the scenario an experiment names and renders its report: tables as text, or its data as JSON.</summary>
public sealed class ScenarioExecutor(
    IComponentCatalog catalog,
    IOptions<OutputOptions> output,
    ProgressDisplay progress,
    Terminal terminal,
    HostArguments arguments) : IScenarioRunner
{
    private static readonly IReadOnlyDictionary<string, string?> NoOverrides = new Dictionary<string, string?>();

    public Task<int> RunAsync(string scenario, CancellationToken cancellationToken) => RunAsync(scenario, NoOverrides, cancellationToken);

    public Task<int> RunAsync(string scenario, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken) =>
        RunAsync(new Experiment(scenario, $"configuration section {ComponentSections.Scenarios}:{scenario}"), overrides, cancellationToken);

    public Task<int> RunAsync(Experiment experiment, CancellationToken cancellationToken) => RunAsync(experiment, NoOverrides, cancellationToken);

    private async Task<int> RunAsync(Experiment experiment, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var scenario = catalog.Resolve<IScenario>(experiment.Scenario, overrides);
        var directory = Path.GetFullPath(output.Value.Directory);
        var report = await progress.RunAsync(reporter =>
            scenario.RunAsync(new ScenarioContext { OutputDirectory = directory, Progress = reporter }, cancellationToken))
            .ConfigureAwait(false);

        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, report.Data);
            return ExitCodes.Success;
        }

        Render(report);
        return ExitCodes.Success;
    }

    private void Render(RunReport report)
    {
        terminal.Out.Write(new Rule($"[bold]{Markup.Escape(report.Title)}[/]").LeftJustified());
        foreach (var table in report.Tables)
        {
            terminal.Out.Write(ReportTables.ToSpectre(table));
        }

        foreach (var file in report.Files)
        {
            terminal.Out.MarkupLineInterpolated($"Wrote {file}");
        }
    }
}
