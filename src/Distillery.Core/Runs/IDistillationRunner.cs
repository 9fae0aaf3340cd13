using Distillery.Data;
using Distillery.Methods;
using Distillery.Progress;

namespace Distillery.Runs;

/// <summary>
/// Runs distillations: resolves the method with the job's options, resumes from the run's checkpoint when one exists,
/// and keeps a run record. The run key hashes the method's options object (defaults included), the job and its data.
/// </summary>
public interface IDistillationRunner
{
    /// <summary>Distills a dataset by name, stores the finished set and drops the checkpoint.</summary>
    Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken);

    /// <summary>
    /// Distills data the caller holds (a class subset, a continual step's classes) and returns the set without storing
    /// it; the caller owns it. <see cref="DistillationJob.Dataset"/> names where the data came from, for provenance;
    /// the data's content enters the run key. Set names, <c>InitFrom</c> and snapshots are not used.
    /// </summary>
    Task<SyntheticSet> DistillAsync(DistillationJob job, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken);
}
