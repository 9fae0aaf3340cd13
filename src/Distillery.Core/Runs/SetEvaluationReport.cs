using Distillery.Storage;
using Distillery.Training;

namespace Distillery.Runs;

/// <summary>How a set scored on each architecture, and how a random subset of the same size scored.</summary>
public sealed record SetEvaluationReport(
    string SetName,
    string Method,
    string Dataset,
    int ImagesPerClass,
    EvaluationOptions Options,
    IReadOnlyList<EvaluationResult> Results,
    IReadOnlyList<EvaluationResult> Baseline)
{
    /// <summary>
    /// For a set with soft labels: the same images trained with their hard labels alone (same learning rate, same
    /// seeds), so that what the soft labels add, perhaps a teacher's knowledge, shows beside them. Empty otherwise.
    /// </summary>
    public IReadOnlyList<EvaluationResult> HardLabels { get; init; } = [];

    /// <summary>What the set stores, in numbers; null where not known.</summary>
    public SetBudget? Budget { get; init; }
}
