namespace Distillery.Methods.GradientMatching.Distances;

/// <summary>The gradient distances by name.</summary>
internal static class GradientDistances
{
    /// <summary>The valid names, the paper's first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["wb", "mse", "cos"];

    /// <summary>The distance called <paramref name="name"/> (case-insensitive); an unknown name is a <see cref="UserErrorException"/>.</summary>
    public static IGradientDistance Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "wb" => new LayerwiseCosineDistance(),
        "mse" => new SquaredErrorDistance(),
        "cos" => new FlatCosineDistance(),
        _ => throw new UserErrorException(
            $"Unknown gradient distance '{name}'. Use one of: {string.Join(", ", Names)} " +
            "(wb: per output channel 1 − cosine, the paper's; mse: squared error; cos: 1 − cosine over all parameters)."),
    };
}
