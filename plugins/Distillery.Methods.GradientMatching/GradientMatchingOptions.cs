using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Methods.GradientMatching;

/// <summary>
/// Settings shared by the gradient-matching methods. The defaults are the reference hyperparameters except
/// <see cref="Iterations"/>, which is cut from 1000 to 100 so that a run fits a CPU.
/// </summary>
internal abstract class GradientMatchingOptions
{
    [Description("Outer iterations; each starts from a freshly initialised network (reference: 1000).")]
    [Range(1, 1_000_000)]
    public int Iterations { get; set; } = 100;

    [Description("Real images per class in each matching step (reference: 256).")]
    [Range(1, 65_536)]
    public int BatchReal { get; set; } = 256;

    [Description("Batch size when the network is trained on the synthetic set between matching steps (reference: 256).")]
    [Range(1, 65_536)]
    public int BatchTrain { get; set; } = 256;

    [Description("SGD learning rate of the synthetic images (reference: 0.1).")]
    [Range(1e-12, double.MaxValue)]
    public double LearningRateImages { get; set; } = 0.1;

    [Description("SGD momentum of the synthetic images (reference: 0.5).")]
    [Range(0.0, 0.999999)]
    public double Momentum { get; set; } = 0.5;

    [Description("SGD learning rate of the network trained on the synthetic set (reference: 0.01).")]
    [Range(1e-12, 10.0)]
    public double LearningRateNetwork { get; set; } = 0.01;

    [Description("noise (standard normal) or real (random real images of each class).")]
    [Required]
    [AllowedValues("noise", "real", ErrorMessage = "Init must be noise or real.")]
    public string Init { get; set; } = "noise";

    [Description("The distance between the real and synthetic gradients: wb (the paper's layer-wise, per-output-channel cosine distance), mse or cos (over all parameters flattened into one vector).")]
    [Required]
    [AllowedValues("wb", "mse", "cos", ErrorMessage = "Distance must be wb (per output channel 1 − cosine), mse or cos.")]
    public string Distance { get; set; } = "wb";

    [Description("Matching steps per outer iteration; 0 takes the reference value for the IPC (see LoopSchedule).")]
    [Range(0, 10_000)]
    public int OuterLoop { get; set; }

    [Description("Training epochs on the synthetic set between matching steps; 0 takes the reference value for the IPC.")]
    [Range(0, 10_000)]
    public int InnerLoop { get; set; }

    [Description("Multi-formation factor k (IDC): each stored image decodes into k×k tiles, each upsampled to full size, so the set trains on k² images per stored image; matching and the inner training see the decoded images. 1 is none; k must divide the image's sides (28×28: 1, 2 or 4).")]
    [Range(1, Formation.MaxFactor)]
    public int Factor { get; set; } = 1;

    [Description("Save a checkpoint after every this many outer iterations. A stopped run (Ctrl+C, SIGTERM) also saves the last iteration it finished, so a rerun loses no finished iteration either way.")]
    [Range(1, 1_000_000)]
    public int CheckpointEvery { get; set; } = 10;
}
