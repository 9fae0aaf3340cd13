namespace Distillery.Nas.Reports;

/// <summary>
/// Two proxies combined by rank: over the candidates both scored, each candidate's score is minus the mean of its two
/// average ranks (1 = best), so it ranks first when both proxies rank it high. A candidate a proxy failed on takes that
/// proxy's worst rank. The time is the two proxies' time together.
/// </summary>
internal static class RankCombination
{
    public static ProxyRow Combine(ProxyRow first, ProxyRow second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var other = second.Points.ToDictionary(p => p.Candidate, StringComparer.Ordinal);
        var shared = first.Points.Where(p => other.ContainsKey(p.Candidate)).ToList();
        var firstRanks = Ranks(shared.Select(p => p.ProxyRank).ToList());
        var secondRanks = Ranks(shared.Select(p => other[p.Candidate].ProxyRank).ToList());
        var points = shared.Select((p, i) => new ProxyPoint(p.Candidate, p.Truth, -(firstRanks[i] + secondRanks[i]) / 2)).ToList();
        var share = (double)shared.Count;
        return new ProxyRow(
            $"{first.Label} + {second.Label}",
            $"{first.Evaluator}+{second.Evaluator}",
            $"{first.Protocol}+{second.Protocol}",
            $"[{first.ProtocolJson},{second.ProtocolJson}]",
            points,
            ProxyQuality.Compute(points),
            first.Missing + first.Points.Count - shared.Count,
            0,
            Seconds(first, shared.Count) + Seconds(second, shared.Count),
            first.Points.Count == 0 ? 0 : first.TruthSeconds * share / first.Points.Count);
    }

    /// <summary>Ranks from 1 (the highest score) with ties sharing their mean rank.</summary>
    private static double[] Ranks(IReadOnlyList<double> scores)
    {
        // Average ranks of the negated scores: the highest score gets rank 1. −∞ (a failure) gets the worst.
        return RankStatistics.AverageRanks([.. scores.Select(s => -s)]);
    }

    private static double Seconds(ProxyRow row, int candidates) =>
        row.Points.Count == 0 ? 0 : row.SecondsPerCandidate * candidates;
}
