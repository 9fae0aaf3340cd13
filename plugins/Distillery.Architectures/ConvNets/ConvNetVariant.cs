using System.Globalization;
using Distillery.Architectures.Layers;

namespace Distillery.Architectures.ConvNets;

/// <summary>
/// Reads and writes ConvNet variant names: tokens joined by <c>-</c>, in any order, any subset, missing ones taken from
/// the defaults. <c>d4-w64-sigmoid-batchnorm-maxpool</c>, <c>w256</c> and the short names <c>bn</c>, <c>ap</c>,
/// <c>al</c> are all variants.
/// </summary>
internal static class ConvNetVariant
{
    /// <summary>The depths of the architecture-search space.</summary>
    public static IReadOnlyList<int> SearchDepths { get; } = [1, 2, 3, 4];

    /// <summary>The widths of the architecture-search space.</summary>
    public static IReadOnlyList<int> SearchWidths { get; } = [32, 64, 128, 256];

    private static readonly (string Canonical, string Short, ActivationKind Kind)[] Activations =
    [
        ("relu", "ar", ActivationKind.Relu),
        ("sigmoid", "as", ActivationKind.Sigmoid),
        ("leakyrelu", "al", ActivationKind.LeakyRelu),
    ];

    private static readonly (string Canonical, string Short, PoolingKind Kind)[] Poolings =
    [
        ("nopool", "np", PoolingKind.None),
        ("maxpool", "mp", PoolingKind.MaxPooling),
        ("avgpool", "ap", PoolingKind.AvgPooling),
    ];

    private static readonly char[] Separators = ['-', '_'];

    /// <summary>
    /// Every network of the architecture-search space: depth 1–4 × width 32/64/128/256 × 3 activations × 5 normalizations
    /// × 3 poolings = 720.
    /// </summary>
    public static IReadOnlyList<ConvNetSettings> SearchSpace { get; } =
    [
        .. from depth in SearchDepths
           from width in SearchWidths
           from activation in Activations
           from normalization in NormalizationNames.All
           from pooling in Poolings
           select new ConvNetSettings(depth, width, activation.Kind, normalization.Kind, pooling.Kind),
    ];

    /// <summary>The canonical name: <c>d{depth}-w{width}-{activation}-{normalization}-{pooling}</c>.</summary>
    public static string Format(ConvNetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"d{settings.Depth}-w{settings.Width}-{Activations.Single(a => a.Kind == settings.Activation).Canonical}-" +
            $"{NormalizationNames.Canonical(settings.Normalization)}-" +
            $"{Poolings.Single(p => p.Kind == settings.Pooling).Canonical}");
    }

    /// <summary>
    /// Reads a variant name; tokens it does not mention keep their value from <paramref name="defaults"/>. An empty or
    /// null variant gives the defaults. An unknown or repeated token throws a <see cref="UserErrorException"/>.
    /// </summary>
    public static ConvNetSettings Parse(string? variant, ConvNetSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (string.IsNullOrWhiteSpace(variant))
        {
            return defaults;
        }

        var settings = defaults;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in variant.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var token = raw.ToLowerInvariant();
            var (aspect, apply) = Interpret(token, variant);
            if (!seen.Add(aspect))
            {
                throw new UserErrorException(
                    $"ConvNet variant '{variant}' sets the {aspect} twice. Give each of depth, width, activation, " +
                    "normalization and pooling at most once.");
            }

            settings = apply(settings);
        }

        return settings;
    }

    /// <summary>A description of every token a variant may contain, for help and error messages.</summary>
    public static string Grammar =>
        $"depth d{ConvNetLimits.MinDepth}..d{ConvNetLimits.MaxDepth}; " +
        $"width w{ConvNetLimits.MinWidth}..w{ConvNetLimits.MaxWidth} (the search space uses w32, w64, w128, w256); " +
        $"activation {Describe(Activations)}; normalization {Describe(NormalizationNames.All)}; pooling {Describe(Poolings)}";

    private static (string Aspect, Func<ConvNetSettings, ConvNetSettings> Apply) Interpret(string token, string variant)
    {
        if (TryNumber(token, 'd', out var depth))
        {
            if (depth is < ConvNetLimits.MinDepth or > ConvNetLimits.MaxDepth)
            {
                throw new UserErrorException(
                    $"ConvNet depth {depth} in variant '{variant}' is out of range: use d{ConvNetLimits.MinDepth}..d{ConvNetLimits.MaxDepth}.");
            }

            return ("depth", s => s with { Depth = depth });
        }

        if (TryNumber(token, 'w', out var width))
        {
            if (width is < ConvNetLimits.MinWidth or > ConvNetLimits.MaxWidth)
            {
                throw new UserErrorException(
                    $"ConvNet width {width} in variant '{variant}' is out of range: use w{ConvNetLimits.MinWidth}..w{ConvNetLimits.MaxWidth}.");
            }

            return ("width", s => s with { Width = width });
        }

        foreach (var (canonical, shortName, kind) in Activations)
        {
            if (token == canonical || token == shortName)
            {
                return ("activation", s => s with { Activation = kind });
            }
        }

        if (NormalizationNames.TryParse(token, out var normalization))
        {
            return ("normalization", s => s with { Normalization = normalization });
        }

        foreach (var (canonical, shortName, kind) in Poolings)
        {
            // canonical + "ing" is the reference's spelling: maxpooling, avgpooling.
            if (token == canonical || token == shortName || token == canonical + "ing")
            {
                return ("pooling", s => s with { Pooling = kind });
            }
        }

        throw new UserErrorException(
            $"Unknown ConvNet variant token '{token}' in '{variant}'. A variant is tokens joined by '-', in any order, " +
            $"any subset (the rest keep their defaults): {Grammar}. Example: convnet:d4-w64-leakyrelu-batchnorm-maxpool.");
    }

    private static bool TryNumber(string token, char prefix, out int value)
    {
        value = 0;
        return token.Length > 1 && token[0] == prefix && char.IsAsciiDigit(token[1]) &&
               int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string Describe<TKind>(IEnumerable<(string Canonical, string Short, TKind Kind)> choices) =>
        string.Join('|', choices.Select(c => c.Canonical)) + " (" + string.Join('|', choices.Select(c => c.Short)) + ")";
}
