using Distillery.Methods.Coresets;
using TorchSharp;

namespace Distillery.Tests.Methods;

public sealed class CoresetSelectionTests
{
    [Fact]
    public void HerdingPicksThePointNearestTheMeanFirst()
    {
        using var features = torch.tensor(new float[] { 0, 0, 10, 10, 4, 6, -2, -2, 5, 5 }, 5, 2);
        var chosen = Herding.Select(features, 1);
        chosen.Should().Equal([4L]);
    }

    [Fact]
    public void HerdingMatchesTheMeanBetterThanAnyOtherPairOnASmallSet()
    {
        using var generator = new torch.Generator(7);
        using var features = torch.randn(12, 3, generator: generator);
        var chosen = Herding.Select(features, 2);
        chosen.Distinct().Count().Should().Be(2);

        using var mean = features.mean([0]);
        double Error(long a, long b)
        {
            using var pair = (features[a] + features[b]) / 2;
            return (pair - mean).pow(2).sum().item<float>();
        }

        // Greedy is not always optimal for pairs, but its first pick is the best single point and its pair
        // is the best pair that contains that point.
        var best = Enumerable.Range(0, 12).Where(i => i != chosen[0]).Min(i => Error(chosen[0], i));
        Error(chosen[0], chosen[1]).Should().BeApproximately(best, 5e-6);
    }

    [Fact]
    public void HerdingNeverPicksARowTwice()
    {
        using var features = torch.zeros(6, 4);
        var chosen = Herding.Select(features, 6);
        chosen.Order().ToArray().Should().Equal([0L, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void KCenterStartsNearTheMeanThenGoesToTheFarthestPoint()
    {
        // Points on a line: the mean is 2.4, nearest to it is 2 (row 2); farthest from 2 is 9 (row 4); then -3 (row 0).
        using var features = torch.tensor(new float[] { -3, 1, 2, 3, 9 }, 5, 1);
        var chosen = KCenter.Select(features, 3);
        chosen.Should().Equal([2L, 4, 0]);
    }
}
