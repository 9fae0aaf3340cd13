using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The cut-short proxy: a fixed number of SGD steps of the reference optimizer on the full training set, then the
/// test accuracy. It has no epochs to set: its whole protocol is one pass over <see cref="Steps"/> batches.
/// </summary>
internal sealed class EarlyStopOptions
{
    [Description("SGD steps per network: one pass over Steps x BatchSize real training images drawn from the search's seed (fewer when the training set is smaller).")]
    [Range(1, 1_000_000)]
    public int Steps { get; set; } = 100;

    [Description("Images per SGD step.")]
    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 256;

    [Description("SGD learning rate (constant: a single pass keeps the base rate).")]
    [Range(1e-8, 10.0)]
    public double LearningRate { get; set; } = 0.01;

    [Description("SGD momentum.")]
    [Range(0.0, 0.999999)]
    public double Momentum { get; set; } = 0.9;

    [Description("SGD weight decay.")]
    [Range(0.0, 1.0)]
    public double WeightDecay { get; set; } = 5e-4;

    [Description("Differentiable augmentation of every training batch: none, or operations joined by _ (e.g. color_crop_cutout_flip_scale_rotate).")]
    public string Augmentation { get; set; } = "none";

    [Description("Networks trained per candidate, each from its own seed; the score is their mean test accuracy.")]
    [Range(1, 100)]
    public int Networks { get; set; } = 1;

    [Description("Score on this many training images drawn from the search's seed, the same for every candidate, instead of the whole test split (0).")]
    [Range(0, 1_000_000)]
    public int ValidationImages { get; set; }

    [Description("Batch size of the test pass (no effect on the score).")]
    [Range(1, 65_536)]
    public int TestBatchSize { get; set; } = 256;

    /// <summary>The training protocol: one epoch with these optimizer settings.</summary>
    public TrainedScoreOptions ToTraining() => new()
    {
        Epochs = 1,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Momentum = Momentum,
        WeightDecay = WeightDecay,
        Augmentation = Augmentation,
        Networks = Networks,
        ValidationImages = ValidationImages,
        TestBatchSize = TestBatchSize,
    };
}
