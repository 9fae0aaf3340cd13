using Distillery.Training;

namespace Distillery.Runs;

/// <summary>
/// The images of a run after <see cref="Iteration"/>: their picture and accuracy, and the run's time spent
/// distilling until then in this process, wall and processor seconds (<see cref="DistillSeconds"/>,
/// <see cref="DistillProcessorSeconds"/>), without the time spent evaluating earlier snapshots. A run with soft labels
/// also has <see cref="HardLabels"/>: the same images, networks and seeds trained on hard labels.
/// </summary>
public sealed record SnapshotResult(int Iteration, double DistillSeconds, double DistillProcessorSeconds, EvaluationResult Evaluation, string Png)
{
    public EvaluationResult? HardLabels { get; init; }
}
