using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Augmentation;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// Settings of distribution matching (section <c>Methods:dm</c>). The reference runs 20,000 iterations with 256 real
/// images per class; the default here is shorter so that a CPU run ends in reasonable time.
/// </summary>
internal sealed class DistributionMatchingOptions : IValidatableObject
{
    public const string ReferenceAugmentation = "color_crop_cutout_flip_scale_rotate";

    [Description("Optimizer steps on the synthetic images, each with a freshly initialised network.")]
    [Range(1, 10_000_000)]
    public int Iterations { get; set; } = 1000;

    [Description("Real images drawn per class each iteration (all of a class when it has fewer).")]
    [Range(1, 65_536)]
    public int BatchReal { get; set; } = 256;

    [Description("The SGD learning rate of the synthetic images.")]
    [Range(0.0, 1e6, MinimumIsExclusive = true)]
    public double LearningRateImages { get; set; } = 1.0;

    [Description("The SGD momentum of the synthetic images.")]
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Momentum { get; set; } = 0.5;

    [Description("Where the synthetic images start: Real (random real images of each class, the reference default) or Noise (standard normal noise).")]
    [EnumDataType(typeof(SyntheticInit))]
    public SyntheticInit Init { get; set; } = SyntheticInit.Real;

    [Description("The differentiable siamese augmentation applied alike to each class's real and synthetic batch: operation names joined by _, or none.")]
    public string Augmentation { get; set; } = ReferenceAugmentation;

    [Description("Images per forward pass (0: decided by the method: 16 on the CPU, all at once on an accelerator). Networks with batch normalization always see whole batches.")]
    [Range(0, int.MaxValue)]
    public int ForwardChunk { get; set; }

    [Description("Multi-formation factor k (IDC): each stored image decodes into k×k tiles, each upsampled to full size, so the set trains on k² images per stored image; the loss sees the decoded images. 1 is none; k must divide the image's sides (28×28: 1, 2 or 4).")]
    [Range(1, Formation.MaxFactor)]
    public int Factor { get; set; } = 1;

    [Description("Save a checkpoint after every this many iterations. A stopped run (Ctrl+C, SIGTERM) also saves one after the iteration in progress, so a rerun loses no finished iteration either way.")]
    [Range(1, int.MaxValue)]
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>The augmentation strategy; an unknown operation throws a <see cref="UserErrorException"/>.</summary>
    public AugmentationStrategy ParseAugmentation() => AugmentationSetting.Parse(Augmentation, "Methods:dm:Augmentation");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AugmentationSetting.Problem(Augmentation) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Augmentation)]);
        }
    }
}
