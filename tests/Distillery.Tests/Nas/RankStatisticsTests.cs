using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

/// <summary>Rank correlations against SciPy 1.10 (<c>spearmanr</c>, <c>kendalltau</c> with its default τ-b) on small arrays.</summary>
public sealed class RankStatisticsTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, new[] { 10.0, 20, 30, 40, 50 }, 1.0, 1.0)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, new[] { 5.0, 4, 3, 2, 1 }, -1.0, -1.0)]
    [InlineData(new[] { 1.0, 2, 2, 3, 4, 4, 5 }, new[] { 2.0, 1, 3, 3, 5, 4, 6 }, 0.9082951062292476, 0.8207826816681232)]
    [InlineData(new[] { 1.0, 1, 2, 2, 3 }, new[] { 1.0, 2, 1, 2, 3 }, 0.5555555555555556, 0.5)]
    [InlineData(new[] { 0.3, 0.1, 0.4, 0.15, 0.9, 0.26 }, new[] { 0.71, 0.62, 0.80, 0.55, 0.88, 0.79 }, 0.8857142857142858, 0.7333333333333333)]
    public void SpearmanAndKendallTauBMatchScipy(double[] x, double[] y, double spearman, double kendall)
    {
        RankStatistics.Spearman(x, y).Should().BeApproximately(spearman, 1e-12);
        RankStatistics.KendallTauB(x, y).Should().BeApproximately(kendall, 1e-12);
    }

    [Fact]
    public void NegativeInfinityRanksBelowEverythingAndTiesWithItselfAsScipyDoes()
    {
        double[] proxy = [double.NegativeInfinity, double.NegativeInfinity, 0.2, 0.5, 0.1];
        double[] truth = [0.5, 0.6, 0.7, 0.9, 0.4];

        RankStatistics.AverageRanks(proxy).Should().Equal([1.5, 1.5, 4, 5, 3]);
        RankStatistics.Spearman(proxy, truth).Should().BeApproximately(0.6668859288553503, 1e-12);
        RankStatistics.KendallTauB(proxy, truth).Should().BeApproximately(0.5270462766947299, 1e-12);
    }

    [Fact]
    public void TiesShareTheMeanOfTheirRanks() =>
        RankStatistics.AverageRanks([1.0, 2, 2, 3, 4, 4, 5]).Should().Equal([1, 2.5, 2.5, 4, 5.5, 5.5, 7]);

    [Fact]
    public void AConstantVariableOrFewerThanTwoValuesHaveNoCorrelation()
    {
        RankStatistics.Spearman([1.0, 1, 1], [1.0, 2, 3]).Should().Be(double.NaN);
        RankStatistics.KendallTauB([1.0, 2, 3], [4.0, 4, 4]).Should().Be(double.NaN);
        RankStatistics.Spearman([1.0], [2.0]).Should().Be(double.NaN);
        RankStatistics.KendallTauB([], []).Should().Be(double.NaN);
    }

    [Fact]
    public void UnpairedOrNaNValuesAreRefused()
    {
        FluentActions.Invoking(() => RankStatistics.Spearman([1.0, 2], [1.0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => RankStatistics.KendallTauB([1.0, double.NaN], [1.0, 2])).Should().Throw<ArgumentException>();
    }
}
