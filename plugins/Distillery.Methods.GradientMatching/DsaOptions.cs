using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Augmentation;

namespace Distillery.Methods.GradientMatching;

/// <summary>
/// Settings of <c>dsa</c>, bound from <c>Methods:dsa</c>. Synthetic images start from real ones, as in the paper.
/// </summary>
internal sealed class DsaOptions : GradientMatchingOptions, IValidatableObject
{
    /// <summary>The reference strategy for Fashion-MNIST and CIFAR.</summary>
    public const string DefaultStrategy = "color_crop_cutout_flip_scale_rotate";

    /// <summary>The reference strategy for digit datasets (MNIST, SVHN), where flipping changes what a digit is.</summary>
    public const string DigitStrategy = "color_crop_cutout_scale_rotate";

    public DsaOptions()
    {
        Init = "real";
    }

    [Description("The siamese augmentation strategy, operations joined by _; one operation is drawn per matching step. Use DigitStrategy (color_crop_cutout_scale_rotate) for digits.")]
    [Required]
    public string Augmentation { get; set; } = DefaultStrategy;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AugmentationSetting.Problem(Augmentation) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Augmentation)]);
        }
    }
}
