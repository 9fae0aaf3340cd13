using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Training;

/// <summary>The reference evaluation: train <see cref="Networks"/> fresh networks and report mean ± std test accuracy.</summary>
public sealed class EvaluationOptions : TrainingOptions
{
    public const string Section = "Evaluation";

    [Range(1, 1000)]
    public int Networks { get; set; } = 5;

    /// <summary>Batch size for computing test accuracy: no effect on the result; small batches are faster on the CPU.</summary>
    [Range(1, 65_536)]
    public int TestBatchSize { get; set; } = 32;

    /// <summary>
    /// Let CUDA matrix products and convolutions use TF32 (NVIDIA Ampere and newer): faster, with about 1e-3 relative
    /// precision. Off by default, for both (libtorch's own default turns it on for convolutions), so that GPU figures
    /// stay comparable with the CPU's. libtorch holds it for the whole process. No effect on the CPU.
    /// </summary>
    [Description("Let CUDA matmuls and convolutions use TF32 (Ampere+): faster, less precise. Off by default.")]
    public bool AllowTf32 { get; set; }

    /// <summary>
    /// Train at a set's learned learning rate where it carries one (<c>mtt</c>, <c>tesla</c>); off, every set trains at
    /// <see cref="TrainingOptions.LearningRate"/>. The learned rate is the distilling network's: another architecture
    /// may not train at it.
    /// </summary>
    [Description("Train at a set's learned learning rate where it has one (mtt, tesla). On by default.")]
    public bool UseSetLearningRate { get; set; } = true;

    /// <summary>A copy with the given settings replaced.</summary>
    public EvaluationOptions With(int? networks = null, int? epochs = null, string? augmentation = null) => new()
    {
        Networks = networks ?? Networks,
        Epochs = epochs ?? Epochs,
        Augmentation = augmentation ?? Augmentation,
        TestBatchSize = TestBatchSize,
        AllowTf32 = AllowTf32,
        UseSetLearningRate = UseSetLearningRate,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Momentum = Momentum,
        WeightDecay = WeightDecay,
    };
}
