namespace Distillery.Architectures.Variants;

/// <summary>Rejects a variant for an architecture that has none.</summary>
internal static class NoVariants
{
    public static void Check(string? variant, string architecture)
    {
        if (!string.IsNullOrWhiteSpace(variant))
        {
            throw new UserErrorException(
                $"Architecture '{architecture}' has no variants, but '{architecture}:{variant}' was asked for. Use '{architecture}'.");
        }
    }
}
