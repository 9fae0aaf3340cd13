using Distillery.Progress;

namespace Distillery.Scenarios;

/// <summary>What the host hands a scenario for one run.</summary>
public sealed class ScenarioContext
{
    /// <summary>Where the scenario writes pictures and files.</summary>
    public required string OutputDirectory { get; init; }

    public IProgressReporter Progress { get; init; } = NullProgressReporter.Instance;
}
