using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Augmentation;

namespace Distillery.Methods.TrajectoryMatching;

/// <summary>
/// Settings shared by <c>mtt</c> and <c>tesla</c> (sections <c>Methods:mtt</c> and <c>Methods:tesla</c>).
/// </summary>
/// <remarks>
/// <para>
/// The authors' CIFAR-10 settings at 10 images per class are: 30 synthetic steps, 2 expert epochs, start epochs up to
/// 20, image learning rate 100 (on ZCA-whitened images), learning rate of the learning rate 1e-5, student learning rate
/// starting at 0.001, mini-batches of the whole set, DSA augmentation, and experts trained 50 epochs with SGD at 0.01
/// without momentum.
/// </para>
/// <para>
/// Fashion-MNIST has no published settings. The defaults here are cut for a CPU: an expert epoch over the 60,000
/// training images costs minutes, so 3 experts of 12 epochs (start epochs up to 10: Fashion-MNIST's networks move most
/// in their first epochs), and 20 synthetic steps. There is no ZCA whitening here (images are standardized per
/// channel), which makes the image gradients smaller than on whitened CIFAR-10: hence an image learning rate of 1000,
/// the authors' value for their unwhitened datasets.
/// </para>
/// </remarks>
internal abstract class TrajectoryMatchingOptions : IValidatableObject
{
    public const string ReferenceAugmentation = "color_crop_cutout_flip_scale_rotate";

    private readonly string _method;

    protected TrajectoryMatchingOptions(string method) => _method = method;

    [Description("Outer iterations: each matches one stretch of one expert's trajectory and takes one step on the images and the learning rate.")]
    [Range(1, 10_000_000)]
    public int Iterations { get; set; } = 200;

    [Description("SGD steps the student takes on the synthetic set per iteration (syn_steps).")]
    [Range(1, 10_000)]
    public int SyntheticSteps { get; set; } = 20;

    [Description("How many expert epochs after the start epoch the student's end is matched to (expert_epochs).")]
    [Range(1, 1000)]
    public int ExpertEpochs { get; set; } = 2;

    [Description("The latest epoch of an expert's trajectory the student may start from; each iteration draws one from 0 to this (max_start_epoch).")]
    [Range(0, 10_000)]
    public int MaxStartEpoch { get; set; } = 10;

    [Description("Synthetic images per student step (batch_syn); 0: the whole set.")]
    [Range(0, 1_000_000)]
    public int BatchSyn { get; set; }

    [Description("The SGD learning rate of the synthetic images (lr_img).")]
    [Range(0.0, 1e9, MinimumIsExclusive = true)]
    public double LearningRateImages { get; set; } = 1000;

    [Description("The SGD learning rate of the learned student learning rate (lr_lr).")]
    [Range(0.0, 1.0)]
    public double LearningRateLr { get; set; } = 1e-5;

    [Description("Where the learned student learning rate starts (the authors' lr_teacher of the distillation).")]
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double StudentLearningRate { get; set; } = 0.01;

    [Description("The SGD momentum of the images and of the learning rate.")]
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Momentum { get; set; } = 0.5;

    [Description("Multi-formation factor k (IDC): each stored image decodes into k×k tiles, each upsampled to full size, so the student trains on k² images per stored image and the gradient flows back to the stored ones. 1 is none; k must divide the image's sides (28×28: 1, 2 or 4).")]
    [Range(1, Formation.MaxFactor)]
    public int Factor { get; set; } = 1;

    [Description("Where the synthetic images start: Real (random real images of each class; with Factor k, each stored image made of k² of them shrunk to tiles) or Noise.")]
    [EnumDataType(typeof(SyntheticInit))]
    public SyntheticInit Init { get; set; } = SyntheticInit.Real;

    [Description("Differentiable augmentation of every student batch (drawn per image), or none.")]
    public string Augmentation { get; set; } = ReferenceAugmentation;

    [Description("Expert networks trained on the real data; each iteration follows one of them.")]
    [Range(1, 10_000)]
    public int Experts { get; set; } = 3;

    [Description("Epochs each expert trains; its weights are kept after every one. At least MaxStartEpoch + ExpertEpochs.")]
    [Range(1, 10_000)]
    public int ExpertTrainingEpochs { get; set; } = 12;

    [Description("The experts' SGD learning rate (constant, no momentum, no weight decay: the authors' buffer settings).")]
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double ExpertLearningRate { get; set; } = 0.01;

    [Description("The experts' mini-batch size.")]
    [Range(1, 65_536)]
    public int ExpertBatch { get; set; } = 256;

    [Description("Training images the experts train on, drawn at random and balanced by class; 0: all of them.")]
    [Range(0, int.MaxValue)]
    public int ExpertImages { get; set; }

    [Description("Differentiable augmentation of the experts' batches (drawn per image), or none.")]
    public string ExpertAugmentation { get; set; } = ReferenceAugmentation;

    [Description("The seed of the experts. Experts are stored in the workspace and shared by every run with the same architecture, data and expert settings, whatever the run's seed.")]
    [Range(0, long.MaxValue)]
    public long ExpertSeed { get; set; }

    [Description("Save a checkpoint after every this many iterations (and after the iteration in progress when stopped).")]
    [Range(1, int.MaxValue)]
    public int CheckpointEvery { get; set; } = 10;

    /// <summary>The student's augmentation; an unknown operation throws a <see cref="UserErrorException"/>.</summary>
    public AugmentationStrategy ParseAugmentation() => Parse(nameof(Augmentation), Augmentation);

    /// <summary>The experts' augmentation; an unknown operation throws a <see cref="UserErrorException"/>.</summary>
    public AugmentationStrategy ParseExpertAugmentation() => Parse(nameof(ExpertAugmentation), ExpertAugmentation);

    /// <summary>The name of a setting as the command line spells it, e.g. <c>--Methods:mtt:SyntheticSteps</c>.</summary>
    public string Setting(string name) => $"--Methods:{_method}:{name}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Augmentation), Augmentation), (nameof(ExpertAugmentation), ExpertAugmentation) })
        {
            if (AugmentationSetting.Problem(value) is { } problem)
            {
                yield return new ValidationResult($"{name}: {problem}", [name]);
            }
        }

        if (MaxStartEpoch + ExpertEpochs > ExpertTrainingEpochs)
        {
            yield return new ValidationResult(
                $"MaxStartEpoch ({MaxStartEpoch}) + ExpertEpochs ({ExpertEpochs}) must not exceed ExpertTrainingEpochs ({ExpertTrainingEpochs}): " +
                "the target of the latest start would lie past the end of the experts' trajectories.",
                [nameof(MaxStartEpoch), nameof(ExpertEpochs), nameof(ExpertTrainingEpochs)]);
        }
    }

    private AugmentationStrategy Parse(string name, string value) => AugmentationSetting.Parse(value, $"Methods:{_method}:{name}");
}

/// <summary>Settings of <c>mtt</c> (section <c>Methods:mtt</c>); see <see cref="TrajectoryMatchingOptions"/>.</summary>
internal sealed class MttOptions() : TrajectoryMatchingOptions(MttMethod.Name);

/// <summary>Settings of <c>tesla</c> (section <c>Methods:tesla</c>); see <see cref="TrajectoryMatchingOptions"/>.</summary>
internal sealed class TeslaOptions() : TrajectoryMatchingOptions(TeslaMethod.Name);
