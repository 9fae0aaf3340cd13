using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators;

/// <summary>Rows of a dataset drawn without replacement from a seed.</summary>
internal static class SeededRows
{
    /// <summary>The first <paramref name="count"/> entries of a permutation of <c>0..total-1</c> drawn with <paramref name="seed"/>.</summary>
    public static long[] Draw(long total, long count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        using var generator = new Generator((ulong)seed);
        using var permutation = torch.randperm(total, dtype: ScalarType.Int64, generator: generator);
        return permutation.data<long>().ToArray()[..checked((int)count)];
    }
}
