using System.Text;

namespace Distillery.Randomness;

/// <summary>
/// Derives independent, stable seeds from a run's seed and a purpose ("network 3", "random baseline"), so every random
/// choice comes from the run's seed and none from the clock. The same inputs give the same seed on every machine.
/// </summary>
public static class SeedSequence
{
    public static long Derive(long seed, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var state = unchecked((ulong)seed);
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            state = Mix(state ^ b);
        }

        return (long)(Mix(state) & 0x7FFF_FFFF_FFFF_FFFF);
    }

    public static long Derive(long seed, string purpose, int index) => Derive(seed, $"{purpose}#{index}");

    // SplitMix64 finalizer.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
