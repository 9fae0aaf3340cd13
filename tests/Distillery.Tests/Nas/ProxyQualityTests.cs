using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

public sealed class ProxyQualityTests
{
    [Fact]
    public void AProxyEqualToTheTruthIsPerfectEverywhere()
    {
        var points = Enumerable.Range(0, 25).Select(i => new ProxyPoint($"c{i:D2}", i / 100.0, i / 100.0)).ToList();

        var m = ProxyQuality.Compute(points);

        (m.Spearman, m.SpearmanTop10, m.SpearmanTop20).Should().Be((1.0, 1.0, 1.0));
        (m.Kendall, m.KendallTop10, m.KendallTop20).Should().Be((1.0, 1.0, 1.0));
        m.TopRegret.Should().Be(0);
        (m.PrecisionAt5, m.PrecisionAt10).Should().Be((1.0, 1.0));
        m.ProxyPick.Should().Be("c24");
        m.TruePick.Should().Be("c24");
    }

    [Fact]
    public void RegretAndPrecisionAreComputedAsByHand()
    {
        // Truth: a 0.90 > b 0.85 > c 0.80 > d 0.70 > e 0.60 > f 0.50 > g 0.40.
        // Proxy ranks c first, then a, g, b, d, f, e.
        List<ProxyPoint> points =
        [
            new("a", 0.90, 6), new("b", 0.85, 4), new("c", 0.80, 7), new("d", 0.70, 3),
            new("e", 0.60, 1), new("f", 0.50, 2), new("g", 0.40, 5),
        ];

        var m = ProxyQuality.Compute(points);

        m.ProxyPick.Should().Be("c");
        m.TopRegret.Should().BeApproximately(0.10, 1e-12);

        // Proxy top 5 {c, a, g, b, d} against true top 5 {a, b, c, d, e}: 4 of 5.
        m.PrecisionAt5.Should().Be(0.8);
        m.PrecisionAt10.Should().Be(double.NaN, "7 candidates cannot have a top 10 apart from all of them");
        m.SpearmanTop10.Should().Be(double.NaN);

        // Ranks (ascending) proxy: a6 b4 c7 d3 e1 f2 g5; truth: a7 b6 c5 d4 e3 f2 g1; Σd² = 1+4+4+1+4+0+16 = 30.
        m.Spearman.Should().BeApproximately(1 - (6 * 30 / (7.0 * 48)), 1e-12);
    }

    [Fact]
    public void AFailedProxyScoreCountsAsItsWorstAndTiesBreakByName()
    {
        List<ProxyPoint> points =
        [
            new("b", 0.9, double.NaN), new("a", 0.8, 1), new("c", 0.7, 1), new("d", 0.6, double.NaN),
        ];

        var m = ProxyQuality.Compute(points);

        m.ProxyPick.Should().Be("a", "a and c tie, and a comes first by name");
        m.TopRegret.Should().BeApproximately(0.1, 1e-12);
        m.Spearman.Should().BeApproximately(RankStatistics.Spearman([double.NegativeInfinity, 1, 1, double.NegativeInfinity], [0.9, 0.8, 0.7, 0.6]), 1e-12);
    }

    [Fact]
    public void TheTopKCorrelationsUseTheBestKByTruth()
    {
        // 12 candidates: the proxy is right about the best 10 and wrong about the last two.
        var points = Enumerable.Range(0, 12).Select(i => new ProxyPoint($"c{i:D2}", 1 - (i / 100.0), i < 10 ? -i : 100 + i)).ToList();

        var m = ProxyQuality.Compute(points);

        m.SpearmanTop10.Should().Be(1);
        m.KendallTop10.Should().Be(1);
        m.Spearman.Should().BeLessThan(1);
        m.SpearmanTop20.Should().Be(double.NaN);
    }

    [Fact]
    public void AMissingGroundTruthIsRefused() =>
        FluentActions.Invoking(() => ProxyQuality.Compute([new ProxyPoint("a", double.NaN, 1)])).Should().Throw<ArgumentException>();
}
