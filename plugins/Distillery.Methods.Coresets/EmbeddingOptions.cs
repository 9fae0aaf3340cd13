using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Methods.Coresets;

/// <summary>
/// The network whose embedding the selection works in. As in the reference baselines, it is first trained on the
/// real training set (<see cref="PretrainEpochs"/> epochs; 0 keeps the random initialisation).
/// </summary>
internal abstract class EmbeddingOptions
{
    [Description("Epochs the embedding network is first trained on the real training set (0 keeps its random initialisation).")]
    [Range(0, 1000)]
    public int PretrainEpochs { get; set; } = 1;

    [Description("Train the embedding network on at most this many random real images (0: all of them).")]
    [Range(0, int.MaxValue)]
    public int PretrainImages { get; set; }

    [Description("Batch size of that training and of computing the embeddings.")]
    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 256;
}
