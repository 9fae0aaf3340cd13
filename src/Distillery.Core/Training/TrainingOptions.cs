using System.ComponentModel.DataAnnotations;

namespace Distillery.Training;

/// <summary>
/// How a network is trained on a (synthetic) set. The defaults are the reference protocol: SGD, learning rate 0.01,
/// momentum 0.9, weight decay 5e-4, batch 256, learning rate ×0.1 at half the epochs.
/// </summary>
public class TrainingOptions
{
    [Range(1, 100_000)]
    public int Epochs { get; set; } = 300;

    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 256;

    [Range(1e-8, 10.0)]
    public double LearningRate { get; set; } = 0.01;

    [Range(0.0, 0.999999)]
    public double Momentum { get; set; } = 0.9;

    [Range(0.0, 1.0)]
    public double WeightDecay { get; set; } = 5e-4;

    /// <summary>
    /// Differentiable augmentation applied to every training batch: <c>none</c>, or a strategy such as
    /// <c>color_crop_cutout_flip_scale_rotate</c>.
    /// </summary>
    public string Augmentation { get; set; } = "none";
}
