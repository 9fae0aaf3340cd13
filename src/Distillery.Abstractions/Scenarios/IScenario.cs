namespace Distillery.Scenarios;

/// <summary>A whole job from configuration to report (benchmark, continual, nas).</summary>
public interface IScenario
{
    Task<RunReport> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
