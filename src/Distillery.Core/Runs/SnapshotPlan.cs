namespace Distillery.Runs;

/// <summary>
/// When and how to look at a run's images while it goes on: at each of <see cref="Iterations"/>, draw them into
/// <see cref="Directory"/> and evaluate them on <see cref="Architecture"/> with <see cref="Networks"/> fresh networks
/// (the rest of the evaluation protocol comes from the <c>Evaluation</c> section). When the run hands soft labels, the
/// same images are evaluated again with hard labels unless <see cref="HardLabels"/> is false, as <c>evaluate</c> does.
/// </summary>
public sealed record SnapshotPlan
{
    public required IReadOnlyList<int> Iterations { get; init; }

    public required string Directory { get; init; }

    public int Networks { get; init; } = 1;

    public string Architecture { get; init; } = "convnet";

    public bool HardLabels { get; init; } = true;
}
