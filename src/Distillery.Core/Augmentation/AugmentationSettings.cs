using System.ComponentModel.DataAnnotations;

namespace Distillery.Augmentation;

/// <summary>The strength of each augmentation. The defaults are those of differentiable siamese augmentation.</summary>
public sealed record AugmentationSettings
{
    public static AugmentationSettings Reference { get; } = new();

    /// <summary>Probability that <see cref="AugmentationOp.Flip"/> flips an image.</summary>
    [Range(0.0, 1.0)]
    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Scale factors are drawn uniformly from [1/ratio, ratio] on each axis.</summary>
    [Range(1.0, 10.0)]
    public double ScaleRatio { get; init; } = 1.2;

    /// <summary>Rotation angles are drawn uniformly from [-degrees, degrees].</summary>
    [Range(0.0, 180.0)]
    public double RotateDegrees { get; init; } = 15.0;

    /// <summary>Translation of up to this fraction of the height and width (rounded), in whole pixels.</summary>
    [Range(0.0, 1.0)]
    public double CropPadRatio { get; init; } = 0.125;

    /// <summary>Side of the cutout patch as a fraction of the height and width (rounded).</summary>
    [Range(0.0, 1.0)]
    public double CutoutRatio { get; init; } = 0.5;

    /// <summary>Brightness offsets are drawn uniformly from [-value/2, value/2].</summary>
    [Range(0.0, 10.0)]
    public double Brightness { get; init; } = 1.0;

    /// <summary>Saturation factors (distance from the per-pixel channel mean) are drawn uniformly from [0, value].</summary>
    [Range(0.0, 10.0)]
    public double Saturation { get; init; } = 2.0;

    /// <summary>Contrast factors (distance from the per-image mean) are drawn uniformly from [value, value + 1].</summary>
    [Range(0.0, 10.0)]
    public double Contrast { get; init; } = 0.5;
}
