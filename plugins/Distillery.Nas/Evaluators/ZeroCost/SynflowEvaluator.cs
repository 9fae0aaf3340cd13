using Distillery.Data;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The synflow score at initialisation, the mean over fresh networks (see <see cref="Synflow"/>).</summary>
internal sealed class SynflowEvaluator(IOptions<SynflowOptions> options, ZeroCostScoring scoring) : ICandidateEvaluator
{
    public const string Name = "synflow";

    public int? Epochs => null;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(
            job,
            options.Value.Networks,
            batchSize: null,
            (network, _) => Synflow.Score(network, job.Data.Info.Channels, job.Data.Info.Height, job.Data.Info.Width),
            cancellationToken);
}
