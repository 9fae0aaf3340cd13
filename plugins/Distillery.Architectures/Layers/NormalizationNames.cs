namespace Distillery.Architectures.Layers;

/// <summary>How normalizations are named in variants: a canonical name and the reference's two-letter short name.</summary>
internal static class NormalizationNames
{
    /// <summary>Every normalization, in the order of <see cref="NormalizationKind"/>.</summary>
    public static IReadOnlyList<(string Canonical, string Short, NormalizationKind Kind)> All { get; } =
    [
        ("nonorm", "nn", NormalizationKind.None),
        ("batchnorm", "bn", NormalizationKind.BatchNorm),
        ("layernorm", "ln", NormalizationKind.LayerNorm),
        ("instancenorm", "in", NormalizationKind.InstanceNorm),
        ("groupnorm", "gn", NormalizationKind.GroupNorm),
    ];

    public static string Canonical(NormalizationKind kind) => Find(kind).Canonical;

    public static string Short(NormalizationKind kind) => Find(kind).Short;

    /// <summary>Reads a canonical or short name (lower case).</summary>
    public static bool TryParse(string token, out NormalizationKind kind)
    {
        foreach (var (canonical, shortName, candidate) in All)
        {
            if (token == canonical || token == shortName)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static (string Canonical, string Short, NormalizationKind Kind) Find(NormalizationKind kind) =>
        All.Single(n => n.Kind == kind);
}
