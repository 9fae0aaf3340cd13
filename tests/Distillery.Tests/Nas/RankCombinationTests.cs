using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

public sealed class RankCombinationTests
{
    [Fact]
    public void TwoProxiesCombineByTheirMeanRankOverTheCandidatesBothScored()
    {
        // Truth: a > b > c > d. The first proxy swaps a and b; the second swaps c and d; neither scored e or f apart.
        var first = Row("set", [("a", 0.9, 2), ("b", 0.8, 3), ("c", 0.7, 1), ("d", 0.6, 0), ("e", 0.5, 5)], seconds: 10);
        var second = Row("naswot", [("a", 0.9, 40), ("b", 0.8, 30), ("c", 0.7, 10), ("d", 0.6, 20), ("f", 0.4, 50)], seconds: 2);

        var combined = RankCombination.Combine(first, second);

        combined.Label.Should().Be("set + naswot");
        combined.Points.Select(p => p.Candidate).Should().Equal("a", "b", "c", "d");
        combined.Points.Select(p => p.Proxy).Should().Equal(-1.5, -1.5, -3.5, -3.5);
        combined.Seconds.Should().Be(8 + 1.6);
        combined.Missing.Should().Be(1);
    }

    [Fact]
    public void ThreeProxiesCombineByTheirMeanRankOverTheCandidatesAllScored()
    {
        var first = Row("set", [("a", 0.9, 3), ("b", 0.8, 2), ("c", 0.7, 1), ("d", 0.6, 9)], seconds: 4);
        var second = Row("subset", [("a", 0.9, 2), ("b", 0.8, 3), ("c", 0.7, 1)], seconds: 3);
        var third = Row("early-stop", [("a", 0.9, 1), ("b", 0.8, 3), ("c", 0.7, 2)], seconds: 6);

        var combined = RankCombination.Combine([first, second, third]);

        combined.Label.Should().Be("set + subset + early-stop");
        combined.Evaluator.Should().Be("set+subset+early-stop");
        combined.Points.Select(p => p.Candidate).Should().Equal("a", "b", "c");
        // a: ranks 1, 2, 3; b: 2, 1, 1; c: 3, 3, 2.
        combined.Points.Select(p => p.Proxy).Should().Equal(-2.0, -4.0 / 3, -8.0 / 3);
        combined.Seconds.Should().Be(3 + 3 + 6);
        combined.Missing.Should().Be(1);
    }

    [Fact]
    public void AFailureTakesThatProxysWorstRank()
    {
        var first = Row("set", [("a", 0.9, double.NaN), ("b", 0.8, 1), ("c", 0.7, 2)], seconds: 3);
        var second = Row("params", [("a", 0.9, 3), ("b", 0.8, 2), ("c", 0.7, 1)], seconds: 3);

        var combined = RankCombination.Combine(first, second);

        combined.Points.Select(p => p.Proxy).Should().Equal(-2, -2, -2);
    }

    private static ProxyRow Row(string evaluator, (string Candidate, double Truth, double Proxy)[] points, double seconds)
    {
        var proxyPoints = points.Select(p => new ProxyPoint(p.Candidate, p.Truth, p.Proxy)).ToList();
        return new ProxyRow(evaluator, evaluator, "p", "{}", proxyPoints, ProxyQuality.Compute(proxyPoints), 0, 0, seconds, seconds * 100);
    }
}
