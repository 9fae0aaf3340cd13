using Distillery.Randomness;
using TorchSharp;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// The classes of a dataset dealt into steps of equal size in one order. Order <c>k</c> is a permutation drawn from
/// the run's seed, so the same seed gives the same orders on every machine.
/// </summary>
internal sealed record IncrementalSplit(int Order, IReadOnlyList<IReadOnlyList<int>> Steps)
{
    public int StepCount => Steps.Count;

    /// <summary>Every class of steps 0..<paramref name="step"/>.</summary>
    public IReadOnlyList<int> ClassesThrough(int step) => Steps.Take(step + 1).SelectMany(s => s).ToList();

    /// <summary>Deals <paramref name="classes"/> classes into <paramref name="steps"/> steps in order <paramref name="order"/>.</summary>
    /// <exception cref="UserErrorException">The steps do not divide the classes.</exception>
    public static IncrementalSplit Draw(int classes, int steps, long seed, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        if (steps < 1 || classes % steps != 0 || steps > classes)
        {
            var divisors = Enumerable.Range(1, classes).Where(d => classes % d == 0);
            throw new UserErrorException(
                $"Steps {steps} does not divide the {classes} classes into equal steps; use one of {string.Join(", ", divisors)}.");
        }

        using var generator = new torch.Generator((ulong)SeedSequence.Derive(seed, "class order", order));
        using var permutation = torch.randperm(classes, generator: generator);
        var shuffled = permutation.data<long>().Select(c => (int)c).ToArray();
        var size = classes / steps;
        var dealt = Enumerable.Range(0, steps).Select(s => (IReadOnlyList<int>)shuffled.Skip(s * size).Take(size).ToArray()).ToList();
        return new IncrementalSplit(order, dealt);
    }
}
