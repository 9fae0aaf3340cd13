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
    IReadOnlyList<EvaluationResult> Baseline);
