namespace Distillery.Nas.Reports;

/// <summary>
/// How well a proxy's scores rank candidates the way the ground truth does. A correlation over the top k (by ground
/// truth), a precision at k, are NaN when there are no more than k candidates (they would say nothing more than the
/// whole or be 1 by construction); any correlation is NaN when either side is constant.
/// </summary>
internal sealed record ProxyMetrics(
    int Candidates,
    double Spearman,
    double SpearmanTop10,
    double SpearmanTop20,
    double Kendall,
    double KendallTop10,
    double KendallTop20,
    double TopRegret,
    string? ProxyPick,
    string? TruePick,
    double PrecisionAt5,
    double PrecisionAt10);
