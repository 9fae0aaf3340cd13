using Distillery.Data;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The grad_norm score at initialisation on one batch of real images, the mean over fresh networks (see <see cref="GradientNorm"/>).</summary>
internal sealed class GradNormEvaluator(IOptions<GradNormOptions> options, ZeroCostScoring scoring) : ICandidateEvaluator
{
    public const string Name = "grad_norm";

    public int? Epochs => null;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(job, options.Value.Networks, options.Value.BatchSize, (network, batch) => GradientNorm.Score(network, batch!.Images, batch.Labels), cancellationToken);
}
