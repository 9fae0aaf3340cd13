namespace Distillery.Host.Configuration;

/// <summary>The scenario a <c>run</c> or <c>demo</c> command runs, and where its settings came from.</summary>
public sealed record Experiment(string Scenario, string Source);
