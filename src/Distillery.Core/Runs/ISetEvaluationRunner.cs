using Distillery.Progress;

namespace Distillery.Runs;

/// <summary>Evaluates stored sets with the reference protocol and records the run.</summary>
public interface ISetEvaluationRunner
{
    Task<SetEvaluationReport> EvaluateAsync(SetEvaluationJob job, IProgressReporter progress, CancellationToken cancellationToken);
}
