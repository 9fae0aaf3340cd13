namespace Distillery.Scenarios.Continual;

/// <summary>The accuracy matrices of one track, and from which step it resumed (0: it ran from the start).</summary>
internal sealed record TrackResult(
    TrackSpec Spec,
    IReadOnlyList<IReadOnlyList<double>> ClassIncremental,
    IReadOnlyList<IReadOnlyList<double>> TaskIncremental,
    int ResumedFromStep,
    double Seconds);
