namespace Distillery.Augmentation;

/// <summary>
/// Which augmentations to apply: operation names joined by <c>_</c> (<c>color_crop_cutout_flip_scale_rotate</c>),
/// or <c>none</c>. An operation named twice is drawn twice as often in <see cref="AugmentationMode.Single"/> mode.
/// </summary>
public sealed class AugmentationStrategy
{
    private const string NoneName = "none";

    private AugmentationStrategy(IReadOnlyList<AugmentationOp> ops, AugmentationMode mode, AugmentationSettings settings)
    {
        Ops = ops;
        Mode = mode;
        Settings = settings;
    }

    /// <summary>No augmentation: images pass through unchanged.</summary>
    public static AugmentationStrategy None { get; } = new([], AugmentationMode.Single, AugmentationSettings.Reference);

    /// <summary>Every valid operation name, in the order the reference lists them.</summary>
    public static IReadOnlyList<string> OpNames { get; } = Enum.GetValues<AugmentationOp>().Select(NameOf).ToArray();

    public IReadOnlyList<AugmentationOp> Ops { get; }

    public AugmentationMode Mode { get; }

    public AugmentationSettings Settings { get; }

    public bool IsNone => Ops.Count == 0;

    /// <summary>
    /// Reads a strategy string. Names are case-insensitive; <c>none</c> or an empty string means no augmentation.
    /// An unknown name throws a <see cref="UserErrorException"/> that lists the valid ones.
    /// </summary>
    public static AugmentationStrategy Parse(string? text, AugmentationMode mode = AugmentationMode.Single, AugmentationSettings? settings = null)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Equals(NoneName, StringComparison.OrdinalIgnoreCase))
        {
            return mode == AugmentationMode.Single && settings is null ? None : new([], mode, settings ?? AugmentationSettings.Reference);
        }

        var ops = new List<AugmentationOp>();
        foreach (var part in trimmed.Split('_'))
        {
            ops.Add(ParseOp(part, trimmed));
        }

        return new(ops, mode, settings ?? AugmentationSettings.Reference);
    }

    /// <summary>The lowercase name of an operation as written in strategy strings.</summary>
    public static string NameOf(AugmentationOp op) => op.ToString().ToLowerInvariant();

    public override string ToString() => IsNone ? NoneName : string.Join('_', Ops.Select(NameOf));

    private static AugmentationOp ParseOp(string part, string strategy)
    {
        foreach (var op in Enum.GetValues<AugmentationOp>())
        {
            if (part.Equals(NameOf(op), StringComparison.OrdinalIgnoreCase))
            {
                return op;
            }
        }

        var what = part.Length == 0 ? "an empty operation name" : $"unknown operation '{part}'";
        throw new UserErrorException(
            $"Augmentation strategy '{strategy}' has {what}. Join operations with '_' from: {string.Join(", ", OpNames)} " +
            $"(e.g. color_crop_cutout_flip_scale_rotate), or use '{NoneName}'.");
    }
}
