using Distillery.Components;
namespace Distillery.Scenarios;

/// <summary>A whole job from configuration to report (benchmark, continual, nas).</summary>
[ComponentKind("scenario", ComponentSections.Scenarios)]
public interface IScenario
{
    Task<RunReport> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
