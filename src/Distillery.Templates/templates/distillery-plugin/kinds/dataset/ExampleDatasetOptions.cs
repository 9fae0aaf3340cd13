using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace DistilleryPlugin1;

/// <summary>Bound from <c>Datasets:example-component</c>; a value out of range stops the host at start-up.</summary>
public sealed class ExampleDatasetOptions
{
    [Description("Training images per class.")]
    [Range(1, 100_000)]
    public int TrainPerClass { get; set; } = 500;

    [Description("Test images per class.")]
    [Range(1, 100_000)]
    public int TestPerClass { get; set; } = 100;

    [Description("Standard deviation of the noise added to the stripes (pixels are then clamped to [0, 1]).")]
    [Range(0.0, 1.0)]
    public double Noise { get; set; } = 0.2;

    [Description("The generated images are the same for the same seed, on every machine.")]
    public long Seed { get; set; }
}
