namespace Distillery.Commands;

/// <summary>Runs a scenario by name with the configuration as it stands and renders its report as <c>run</c> does.</summary>
public interface IScenarioRunner
{
    /// <summary>Runs the scenario; returns the command's exit code.</summary>
    Task<int> RunAsync(string scenario, CancellationToken cancellationToken);
}
