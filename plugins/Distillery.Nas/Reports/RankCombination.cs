namespace Distillery.Nas.Reports;

/// <summary>
/// Proxies combined by rank: over the candidates every one of them scored, each candidate's score is minus the mean of
/// its average ranks (1 = best), so it ranks first when all the proxies rank it high. A candidate a proxy failed on
/// takes that proxy's worst rank. The time is the proxies' time together.
/// </summary>
internal static class RankCombination
{
    public static ProxyRow Combine(ProxyRow first, ProxyRow second) => Combine([first, second]);

    public static ProxyRow Combine(IReadOnlyList<ProxyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2)
        {
            throw new ArgumentException("A combination takes two proxies or more.", nameof(rows));
        }

        var first = rows[0];
        var others = rows.Skip(1).Select(row => row.Points.ToDictionary(p => p.Candidate, StringComparer.Ordinal)).ToList();
        var shared = first.Points.Where(p => others.TrueForAll(other => other.ContainsKey(p.Candidate))).ToList();
        var ranks = new List<double[]> { Ranks(shared.Select(p => p.ProxyRank).ToList()) };
        ranks.AddRange(others.Select(other => Ranks(shared.Select(p => other[p.Candidate].ProxyRank).ToList())));
        var points = shared.Select((p, i) => new ProxyPoint(p.Candidate, p.Truth, -ranks.Average(r => r[i]))).ToList();
        var share = (double)shared.Count;
        return new ProxyRow(
            string.Join(" + ", rows.Select(row => row.Label)),
            string.Join('+', rows.Select(row => row.Evaluator)),
            string.Join('+', rows.Select(row => row.Protocol)),
            $"[{string.Join(',', rows.Select(row => row.ProtocolJson))}]",
            points,
            ProxyQuality.Compute(points),
            first.Missing + first.Points.Count - shared.Count,
            0,
            rows.Sum(row => Seconds(row, shared.Count)),
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
