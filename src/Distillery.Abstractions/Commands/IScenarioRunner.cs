namespace Distillery.Commands;

/// <summary>Runs a scenario by name with the configuration as it stands and renders its report as <c>run</c> does.</summary>
public interface IScenarioRunner
{
    /// <summary>Runs the scenario; returns the command's exit code.</summary>
    Task<int> RunAsync(string scenario, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the scenario with <paramref name="overrides"/> (keys under its own section, e.g. <c>ReuseMemory</c>) laid over
    /// its configured options for this run, validated like them; returns the command's exit code.
    /// </summary>
    Task<int> RunAsync(string scenario, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken);
}
