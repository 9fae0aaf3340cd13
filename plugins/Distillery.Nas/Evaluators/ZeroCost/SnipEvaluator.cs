using Distillery.Data;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The snip score at initialisation on one batch of real images, the mean over fresh networks (see <see cref="Snip"/>).</summary>
internal sealed class SnipEvaluator(IOptions<SnipOptions> options, ZeroCostScoring scoring) : ICandidateEvaluator
{
    public const string Name = "snip";

    public int? Epochs => null;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(job, options.Value.Networks, options.Value.BatchSize, (network, batch) => Snip.Score(network, batch!.Images, batch.Labels), cancellationToken);
}
