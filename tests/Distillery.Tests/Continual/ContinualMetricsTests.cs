using Distillery.Scenarios.Continual;

namespace Distillery.Tests.Continual;

public sealed class ContinualMetricsTests
{
    [Fact]
    public void AverageAccuracyForgettingAndBackwardTransferFollowTheirFormulas()
    {
        double[][] matrix =
        [
            [0.9],
            [0.6, 0.8],
            [0.5, 0.7, 0.95],
        ];

        var metrics = ContinualMetrics.From(matrix);

        metrics.AverageAccuracy.Select(a => Math.Round(a, 12)).Should().Equal([0.9, 0.7, (0.5 + 0.7 + 0.95) / 3], (a, b) => Math.Abs(a - b) < 1e-12);
        metrics.FinalAverageAccuracy.Should().BeApproximately((0.5 + 0.7 + 0.95) / 3, 5e-13);

        // f_0 = max(0.9, 0.6) - 0.5 = 0.4; f_1 = 0.8 - 0.7 = 0.1; F = 0.25.
        metrics.Forgetting.Should().BeApproximately(0.25, 5e-13);

        // BWT = ((0.5 - 0.9) + (0.7 - 0.8)) / 2 = -0.25.
        metrics.BackwardTransfer.Should().BeApproximately(-0.25, 5e-13);
    }

    [Fact]
    public void ForgettingTakesTheBestEarlierAccuracyNotTheFirst()
    {
        double[][] matrix =
        [
            [0.5],
            [0.9, 0.6],
            [0.4, 0.6, 0.7],
        ];

        var metrics = ContinualMetrics.From(matrix);

        // f_0 = max(0.5, 0.9) - 0.4 = 0.5; f_1 = 0.6 - 0.6 = 0; BWT = ((0.4 - 0.5) + 0) / 2.
        metrics.Forgetting.Should().BeApproximately(0.25, 5e-13);
        metrics.BackwardTransfer.Should().BeApproximately(-0.05, 5e-13);
    }

    [Fact]
    public void OldClassesThatImproveGiveNegativeForgettingAndPositiveTransfer()
    {
        double[][] matrix = [[0.5], [0.7, 0.8]];

        var metrics = ContinualMetrics.From(matrix);

        // f_0 = max over t < T-1 of A[t][0] = 0.5, minus the final 0.7: not clipped at zero.
        metrics.Forgetting.Should().BeApproximately(-0.2, 5e-13);
        metrics.BackwardTransfer.Should().BeApproximately(0.2, 5e-13);
    }

    [Fact]
    public void OneStepHasNoForgetting()
    {
        var metrics = ContinualMetrics.From([[0.42]]);

        metrics.FinalAverageAccuracy.Should().Be(0.42);
        metrics.Forgetting.Should().Be(0.0);
        metrics.BackwardTransfer.Should().Be(0.0);
    }

    [Fact]
    public void AMatrixWhoseRowsAreNotLowerTriangularIsRefused()
    {
        FluentActions.Invoking(() => ContinualMetrics.From([[0.5, 0.5], [0.5, 0.5]])).Should().ThrowExactly<ArgumentException>();
        FluentActions.Invoking(() => ContinualMetrics.From([])).Should().ThrowExactly<ArgumentException>();
    }
}
