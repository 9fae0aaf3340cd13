using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Augmentation;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// Settings of kernel ridge regression on learned features, FRePo (section <c>Methods:frepo</c>).
/// </summary>
/// <remarks>
/// The authors run hundreds of thousands of iterations on a GPU with a pool of 10 networks, each reset after 100 of its
/// own training steps, and a real batch of 1024. The defaults here are cut for a CPU: a pool of 4 networks reset after
/// 40 steps (each iteration trains one network, so a network lives about 160 iterations and the pool turns over within
/// a few hundred), a real batch of 256, and image and label learning rates large enough that 100–200 iterations move
/// the images visibly.
/// </remarks>
internal sealed class KernelRegressionOptions : IValidatableObject
{
    public const string Section = "Methods:frepo";

    [Description("Outer iterations: each computes the kernel regression loss of one pool network, steps the images and labels, then trains that network.")]
    [Range(1, 10_000_000)]
    public int Iterations { get; set; } = 200;

    [Description("Networks in the pool; each iteration uses one of them, drawn at random from the run's seed.")]
    [Range(1, 1000)]
    public int PoolSize { get; set; } = 4;

    [Description("Training steps on the synthetic set after which a pool network is replaced by a freshly initialised one. The pool starts with staggered ages (network i trained i·MaxOnlineSteps/PoolSize steps on the starting set), so it covers young and trained networks from the first iteration.")]
    [Range(1, 1_000_000)]
    public int MaxOnlineSteps { get; set; } = 40;

    [Description("Training steps the chosen network takes on the synthetic set (with its current soft labels) after each iteration.")]
    [Range(0, 1000)]
    public int TrainStepsPerIteration { get; set; } = 1;

    [Description("The Adam learning rate of the synthetic images.")]
    [Range(0.0, 1e6, MinimumIsExclusive = true)]
    public double LearningRateImages { get; set; } = 0.01;

    [Description("The Adam learning rate of the label logits (the soft labels are their softmax).")]
    [Range(0.0, 1e6, MinimumIsExclusive = true)]
    public double LearningRateLabels { get; set; } = 0.01;

    [Description("Whether the labels are learned; false keeps them at their start.")]
    public bool LearnLabels { get; set; } = true;

    [Description("The probability the starting soft label gives an image's own class (the rest shared by the other classes).")]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double LabelConfidence { get; set; } = 0.9;

    [Description("The SGD learning rate with which pool networks train on the synthetic set (the evaluation protocol's 0.01 by default).")]
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double LearningRateNetwork { get; set; } = 0.01;

    [Description("The SGD momentum with which pool networks train on the synthetic set.")]
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double MomentumNetwork { get; set; } = 0.9;

    [Description("Real images per iteration, drawn at random from the whole training set.")]
    [Range(1, 65_536)]
    public int BatchReal { get; set; } = 256;

    [Description("The ridge λ, relative to the kernel's mean diagonal: the regression solves (K_ss + λ·tr(K_ss)/n·I) α = Y_s.")]
    [Range(0.0, 1e6, MinimumIsExclusive = true)]
    public double Ridge { get; set; } = 1e-6;

    [Description("Where the synthetic images start: Real (random real images of each class; with Factor k, each stored image made of k² of them shrunk to tiles) or Noise.")]
    [EnumDataType(typeof(SyntheticInit))]
    public SyntheticInit Init { get; set; } = SyntheticInit.Real;

    [Description("Multi-formation factor k (IDC): each stored image decodes into k×k tiles, each upsampled to full size, so the regression sees k² images per stored image and the gradient flows back to the stored ones. 1 is none; k must divide the image's sides (28×28: 1, 2 or 4).")]
    [Range(1, Formation.MaxFactor)]
    public int Factor { get; set; } = 1;

    [Description("Differentiable augmentation of the synthetic and real images before their features are taken (drawn per image), or none.")]
    public string Augmentation { get; set; } = "none";

    [Description("Save a checkpoint after every this many iterations. A stopped run (Ctrl+C, SIGTERM) also saves one after the iteration in progress.")]
    [Range(1, int.MaxValue)]
    public int CheckpointEvery { get; set; } = 50;

    /// <summary>The command-line form of a setting, e.g. <c>--Methods:frepo:Ridge</c>.</summary>
    public static string Setting(string name) => $"--{Section}:{name}";

    /// <summary>The augmentation strategy; an unknown operation throws a <see cref="UserErrorException"/>.</summary>
    public AugmentationStrategy ParseAugmentation() => AugmentationSetting.Parse(Augmentation, $"{Section}:Augmentation");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AugmentationSetting.Problem(Augmentation) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Augmentation)]);
        }
    }
}
