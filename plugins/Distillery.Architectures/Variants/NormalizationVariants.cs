using System.ComponentModel.DataAnnotations;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.Variants;

/// <summary>
/// The variants of an architecture that differ only in their normalization, named by the reference's short names
/// (<c>bn</c>, <c>in</c>, <c>nn</c>) or the canonical ones (<c>batchnorm</c>, <c>instancenorm</c>, <c>nonorm</c>).
/// </summary>
internal sealed class NormalizationVariants
{
    private readonly string architecture;
    private readonly NormalizationKind[] allowed;

    public NormalizationVariants(string architecture, params NormalizationKind[] allowed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentOutOfRangeException.ThrowIfZero(allowed.Length);
        this.architecture = architecture;
        this.allowed = allowed;
        Names = [.. allowed.Select(NormalizationNames.Short)];
    }

    /// <summary>The short name of every allowed normalization.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool Allows(NormalizationKind kind) => allowed.Contains(kind);

    /// <summary>Checks an options value, for <see cref="IValidatableObject"/>.</summary>
    public IEnumerable<ValidationResult> Validate(NormalizationKind kind, string memberName)
    {
        if (!Allows(kind))
        {
            yield return new ValidationResult(
                $"{architecture} cannot use {kind}; choose one of {string.Join(", ", allowed)}.", [memberName]);
        }
    }

    /// <summary>The normalization a variant names; <paramref name="fallback"/> when it is empty.</summary>
    public NormalizationKind Parse(string? variant, NormalizationKind fallback)
    {
        if (string.IsNullOrWhiteSpace(variant))
        {
            return fallback;
        }

        var token = variant.Trim().ToLowerInvariant();
        if (NormalizationNames.TryParse(token, out var kind) && Allows(kind))
        {
            return kind;
        }

        var choices = string.Join(", ", allowed.Select(k => $"{NormalizationNames.Short(k)} ({NormalizationNames.Canonical(k)})"));
        throw new UserErrorException(
            $"Unknown {architecture} variant '{variant}'. Its variants are: {choices}; for example {architecture}:{Names[^1]}.");
    }
}
