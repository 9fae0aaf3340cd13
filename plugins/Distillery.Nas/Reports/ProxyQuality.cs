namespace Distillery.Nas.Reports;

/// <summary>
/// The proxy-quality figures of a set of candidates scored by both a proxy and the ground truth: Spearman's ρ and
/// Kendall's τ-b over all of them and over the top 10 and 20 by ground truth (FTD's measure), the top-1 regret
/// (the ground truth of the best candidate minus that of the proxy's pick) and precision at 5 and 10 (the share of the
/// true top k that the proxy's top k holds). A candidate the proxy failed on counts as its worst; orders break ties by
/// candidate name (ordinal), so every figure is the same however the points are listed.
/// </summary>
internal static class ProxyQuality
{
    public static ProxyMetrics Compute(IReadOnlyList<ProxyPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Any(p => double.IsNaN(p.Truth)))
        {
            throw new ArgumentException("A candidate without a ground truth has no place in a proxy-quality figure; leave it out.", nameof(points));
        }

        var byTruth = points.OrderByDescending(p => p.Truth).ThenBy(p => p.Candidate, StringComparer.Ordinal).ToList();
        var byProxy = points.OrderByDescending(p => p.ProxyRank).ThenBy(p => p.Candidate, StringComparer.Ordinal).ToList();
        var truePick = byTruth.FirstOrDefault();
        var proxyPick = byProxy.FirstOrDefault();
        return new ProxyMetrics(
            points.Count,
            Spearman(byTruth),
            Spearman(Top(byTruth, 10)),
            Spearman(Top(byTruth, 20)),
            Kendall(byTruth),
            Kendall(Top(byTruth, 10)),
            Kendall(Top(byTruth, 20)),
            truePick is null || proxyPick is null ? double.NaN : truePick.Truth - proxyPick.Truth,
            proxyPick?.Candidate,
            truePick?.Candidate,
            Precision(byTruth, byProxy, 5),
            Precision(byTruth, byProxy, 10));
    }

    private static List<ProxyPoint>? Top(List<ProxyPoint> byTruth, int k) => byTruth.Count > k ? byTruth.Take(k).ToList() : null;

    private static double Spearman(List<ProxyPoint>? points) =>
        points is null ? double.NaN : RankStatistics.Spearman([.. points.Select(p => p.ProxyRank)], [.. points.Select(p => p.Truth)]);

    private static double Kendall(List<ProxyPoint>? points) =>
        points is null ? double.NaN : RankStatistics.KendallTauB([.. points.Select(p => p.ProxyRank)], [.. points.Select(p => p.Truth)]);

    private static double Precision(List<ProxyPoint> byTruth, List<ProxyPoint> byProxy, int k)
    {
        if (byTruth.Count <= k)
        {
            return double.NaN;
        }

        var trueTop = byTruth.Take(k).Select(p => p.Candidate).ToHashSet(StringComparer.Ordinal);
        return byProxy.Take(k).Count(p => trueTop.Contains(p.Candidate)) / (double)k;
    }
}
