using Distillery.Runs;
using Distillery.Storage;
using Distillery.Training;

namespace Distillery.Scenarios.Benchmark;

/// <summary>One method at one IPC: how long it took and how its set scored beside the random subset.</summary>
internal sealed record BenchmarkRow(
    string Method,
    int ImagesPerClass,
    DistillationOutcome Distillation,
    IReadOnlyList<EvaluationResult> Results,
    IReadOnlyList<EvaluationResult> Baseline)
{
    /// <summary>The set's images with their hard labels alone, when the set has soft labels; empty otherwise.</summary>
    public IReadOnlyList<EvaluationResult> HardLabels { get; init; } = [];

    /// <summary>What the set stores, in numbers.</summary>
    public SetBudget? Budget { get; init; }
}
