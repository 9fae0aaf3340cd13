namespace Distillery.Nas.Reports;

/// <summary>
/// What a proxy-quality report covers: a dataset and seed, the proxies (null: every evaluator with stored scores for
/// the ground truth's candidates) and whether to score the candidates a named proxy has no stored score for; and pairs of
/// proxies to report combined by rank (<see cref="RankCombination"/>), each named by its label or evaluator.
/// </summary>
internal sealed record ProxyReportRequest(string Dataset, long Seed, IReadOnlyList<string>? Evaluators, bool ScoreMissing)
{
    public IReadOnlyList<IReadOnlyList<string>> Combinations { get; init; } = [];
}
