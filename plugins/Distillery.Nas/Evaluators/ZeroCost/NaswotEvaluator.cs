using Distillery.Data;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The naswot score at initialisation on one batch of real images, the mean over fresh networks (see <see cref="Naswot"/>).</summary>
internal sealed class NaswotEvaluator(IOptions<NaswotOptions> options, ZeroCostScoring scoring) : ICandidateEvaluator
{
    public const string Name = "naswot";

    public int? Epochs => null;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(job, options.Value.Networks, options.Value.BatchSize, (network, batch) => Naswot.Score(network, batch!.Images), cancellationToken);
}
