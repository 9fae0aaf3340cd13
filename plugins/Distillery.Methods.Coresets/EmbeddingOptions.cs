using System.ComponentModel.DataAnnotations;

namespace Distillery.Methods.Coresets;

/// <summary>
/// The network whose embedding the selection works in. As in the reference baselines, it is first trained on the
/// real training set (<see cref="PretrainEpochs"/> epochs; 0 keeps the random initialisation).
/// </summary>
internal abstract class EmbeddingOptions
{
    [Range(0, 1000)]
    public int PretrainEpochs { get; set; } = 1;

    /// <summary>Train the embedding network on at most this many random real images (0: all of them).</summary>
    [Range(0, int.MaxValue)]
    public int PretrainImages { get; set; }

    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 256;
}
