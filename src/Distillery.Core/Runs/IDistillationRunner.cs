using Distillery.Progress;

namespace Distillery.Runs;

/// <summary>
/// Runs a distillation end to end: resolves the method and the dataset, checks the job, resumes from the run's
/// checkpoint when one exists, stores the finished set and a run record, and drops the checkpoint.
/// </summary>
public interface IDistillationRunner
{
    Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken);
}
