using Distillery.Data;
using Distillery.Search;
using Distillery.Training;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The ground truth: a candidate trained on the whole training set with the reference optimizer (3 epochs by
/// default), tested on the whole test set. Its scores are stored like every evaluator's, so they form a reusable
/// table that a later search or report never retrains.
/// </summary>
internal sealed class FullEvaluator(IOptions<FullOptions> options, CandidateTraining training) : ICandidateEvaluator
{
    public const string Name = "full";

    public int? Epochs => options.Value.Epochs;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var train = TrainingSet.Of(job.Data.Train);
        return await training.ScoreAsync(job, train, options.Value, cancellationToken).ConfigureAwait(false);
    }
}
