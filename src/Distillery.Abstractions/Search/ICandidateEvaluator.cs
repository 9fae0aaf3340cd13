using Distillery.Components;
using Distillery.Data;

namespace Distillery.Search;

/// <summary>
/// Scores a candidate architecture: a proxy (training on a distilled set, a real subset, a cut-short full training),
/// a score at initialisation (zero-cost), or the ground truth (full training). Higher scores are better. A candidate
/// whose training diverges is returned as failed (<see cref="CandidateScore.Fail"/>), not thrown. The evaluator's
/// options are its protocol: scores are stored and reused under them.
/// </summary>
[ComponentKind("candidate-evaluator", SearchSections.Evaluators)]
public interface ICandidateEvaluator
{
    /// <summary>The epochs of its full protocol when its score comes from training; null when it needs none.</summary>
    int? Epochs { get; }

    /// <summary>Checks, before a search starts, that this evaluator can score candidates on <paramref name="dataset"/>.</summary>
    /// <exception cref="UserErrorException">It cannot (e.g. its proxy set was made from another dataset).</exception>
    Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken);

    Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken);
}
