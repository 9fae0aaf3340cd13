using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.Coresets;

/// <summary>Greedy mean matching: each step adds the point that brings the mean of the chosen points closest to the mean of all.</summary>
internal static class Herding
{
    /// <summary>Picks <paramref name="count"/> rows of <paramref name="features"/> <c>[n, d]</c>, in the order chosen.</summary>
    public static long[] Select(Tensor features, int count)
    {
        using var scope = torch.NewDisposeScope();
        var n = features.shape[0];
        var target = features.mean([0]);
        var chosenSum = torch.zeros_like(target);
        var available = torch.ones(n, dtype: ScalarType.Bool, device: features.device);
        var chosen = new long[count];
        for (var k = 0; k < count; k++)
        {
            using var step = torch.NewDisposeScope();
            var candidateMeans = (features + chosenSum) / (k + 1);
            var distances = (candidateMeans - target).pow(2).sum(1);
            distances = distances.masked_fill(available.logical_not(), double.PositiveInfinity);
            var best = distances.argmin().item<long>();
            chosen[k] = best;
            chosenSum.add_(features[best]);
            available.index_fill_(0, torch.tensor(new[] { best }, device: features.device), false);
        }

        return chosen;
    }
}
