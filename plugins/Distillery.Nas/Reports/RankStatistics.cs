namespace Distillery.Nas.Reports;

/// <summary>
/// Rank correlations as SciPy computes them: Spearman's ρ (Pearson's correlation of average ranks, so ties share their
/// mean rank; <c>scipy.stats.spearmanr</c>) and Kendall's τ-b (corrected for ties in either variable;
/// <c>scipy.stats.kendalltau</c>). Values compare by order only, so negative infinity (a failed score) ranks below
/// everything and ties with itself. Both are NaN when fewer than two values are given or either variable is constant.
/// </summary>
internal static class RankStatistics
{
    /// <summary>The 1-based rank of each value, ascending; tied values share the mean of their ranks.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && Compare(values[order[end + 1]], values[order[start]]) == 0)
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>τ-b = (concordant − discordant) / √((pairs − ties in x) · (pairs − ties in y)).</summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        double sum = 0, untiedX = 0, untiedY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var sx = Compare(x[i], x[j]);
                var sy = Compare(y[i], y[j]);
                sum += sx * sy;
                untiedX += sx * sx;
                untiedY += sy * sy;
            }
        }

        return untiedX == 0 || untiedY == 0 ? double.NaN : sum / Math.Sqrt(untiedX * untiedY);
    }

    private static double Pearson(double[] x, double[] y)
    {
        if (x.Length < 2)
        {
            return double.NaN;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }

        return varianceX == 0 || varianceY == 0 ? double.NaN : Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }

    private static int Compare(double a, double b) => a < b ? -1 : a > b ? 1 : 0;

    private static void CheckPaired(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The two variables have {x.Count} and {y.Count} values; a rank correlation pairs them.", nameof(y));
        }

        if (x.Concat(y).Any(double.IsNaN))
        {
            throw new ArgumentException("A rank correlation cannot order NaN; give a failed score as negative infinity.", nameof(x));
        }
    }
}
