using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Training;

/// <summary>
/// How a network is trained on a (synthetic) set. The defaults are the reference protocol: SGD, learning rate 0.01,
/// momentum 0.9, weight decay 5e-4, batch 256, learning rate ×0.1 at half the epochs.
/// </summary>
public class TrainingOptions
{
    [Description("Training epochs per network (the learning rate drops to a tenth at half of them).")]
    [Range(1, 100_000)]
    public int Epochs { get; set; } = 300;

    [Description("Images per training step.")]
    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 256;

    [Description("SGD learning rate (a set's learned learning rate replaces it).")]
    [Range(1e-8, 10.0)]
    public double LearningRate { get; set; } = 0.01;

    [Description("SGD momentum.")]
    [Range(0.0, 0.999999)]
    public double Momentum { get; set; } = 0.9;

    [Description("SGD weight decay.")]
    [Range(0.0, 1.0)]
    public double WeightDecay { get; set; } = 5e-4;

    /// <summary>
    /// Differentiable augmentation applied to every training batch: <c>none</c>, or a strategy such as
    /// <c>color_crop_cutout_flip_scale_rotate</c>.
    /// </summary>
    [Description("Differentiable augmentation of every training batch: none, or operations joined by _ (e.g. color_crop_cutout_flip_scale_rotate).")]
    public string Augmentation { get; set; } = "none";
}
