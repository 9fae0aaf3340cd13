using Distillery.Runs;
using Distillery.Training;

namespace Distillery.Scenarios.Benchmark;

/// <summary>One method at one IPC: how long it took and how its set scored beside the random subset.</summary>
internal sealed record BenchmarkRow(
    string Method,
    int ImagesPerClass,
    DistillationOutcome Distillation,
    IReadOnlyList<EvaluationResult> Results,
    IReadOnlyList<EvaluationResult> Baseline);
