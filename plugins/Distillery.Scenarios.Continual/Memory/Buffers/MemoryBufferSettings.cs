using System.Globalization;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// What a memory buffer holds memory of, and how it was made. A run may add to a buffer only when its settings are
/// the buffer's settings; anything else would mix memories that are not comparable.
/// </summary>
internal sealed record MemoryBufferSettings
{
    /// <summary>The dataset component the images come from.</summary>
    public required string Dataset { get; init; }

    /// <summary>The method component that turned each step's classes into memory.</summary>
    public required string Method { get; init; }

    /// <summary>The method's options as JSON.</summary>
    public string MethodOptionsJson { get; init; } = "{}";

    /// <summary>The architecture the method used, if any.</summary>
    public string? Architecture { get; init; }

    public required int MemoryPerClass { get; init; }

    public required long Seed { get; init; }

    /// <summary>The classes of each step, in the order they arrive.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Steps { get; init; }

    /// <summary>The settings that differ from <paramref name="other"/>, as readable lines (empty when they match).</summary>
    /// <param name="other">The settings to compare with.</param>
    /// <param name="layoutOnly">Compare only what fixes the images' layout (dataset, budget, seed, class order), not how they were made.</param>
    public IReadOnlyList<string> DifferencesFrom(MemoryBufferSettings other, bool layoutOnly = false)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        Compare(nameof(Dataset), Dataset, other.Dataset);
        Compare(nameof(MemoryPerClass), MemoryPerClass.ToString(CultureInfo.InvariantCulture), other.MemoryPerClass.ToString(CultureInfo.InvariantCulture));
        Compare(nameof(Seed), Seed.ToString(CultureInfo.InvariantCulture), other.Seed.ToString(CultureInfo.InvariantCulture));
        Compare(nameof(Steps), Describe(Steps), Describe(other.Steps));
        if (!layoutOnly)
        {
            Compare(nameof(Method), Method, other.Method);
            Compare("method options", MethodOptionsJson, other.MethodOptionsJson);
            Compare(nameof(Architecture), Architecture ?? "(none)", other.Architecture ?? "(none)");
        }

        return differences;

        void Compare(string name, string mine, string theirs)
        {
            if (!string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                differences.Add($"{name} {mine} (stored) vs {theirs}");
            }
        }
    }

    /// <summary>The class order written as <c>[0,1] [2,3]</c>.</summary>
    public static string Describe(IReadOnlyList<IReadOnlyList<int>> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return string.Join(' ', steps.Select(step => $"[{string.Join(',', step)}]"));
    }
}
