using Distillery.Data;
using Distillery.Search;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>A baseline score at initialisation: the candidate's number of trainable parameters (see <see cref="ParameterCount"/>).</summary>
internal sealed class ParamsEvaluator(ZeroCostScoring scoring) : ICandidateEvaluator
{
    public const string Name = "params";

    public int? Epochs => null;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(job, count: 1, batchSize: null, (network, _) => ParameterCount.Of(network), cancellationToken);
}
