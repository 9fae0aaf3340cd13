using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.Coresets;

/// <summary>
/// Greedy k-center: the first center is the point nearest the mean; each next one is the point farthest from all
/// centers chosen so far.
/// </summary>
internal static class KCenter
{
    /// <summary>Picks <paramref name="count"/> rows of <paramref name="features"/> <c>[n, d]</c>, in the order chosen.</summary>
    public static long[] Select(Tensor features, int count)
    {
        using var scope = torch.NewDisposeScope();
        var chosen = new long[count];
        var first = (features - features.mean([0])).pow(2).sum(1).argmin().item<long>();
        chosen[0] = first;
        var nearest = (features - features[first]).pow(2).sum(1);
        for (var k = 1; k < count; k++)
        {
            using var step = torch.NewDisposeScope();
            var next = nearest.argmax().item<long>();
            chosen[k] = next;
            nearest = torch.minimum(nearest, (features - features[next]).pow(2).sum(1)).MoveToOuterDisposeScope();
        }

        return chosen;
    }
}
