using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// The distribution-matching loss: for every class, the squared L2 distance between the mean embedding of its real
/// images and the mean embedding of its synthetic images, both augmented with the class's siamese draw, summed over
/// classes. Differentiable with respect to the synthetic images only.
/// </summary>
internal static class MeanEmbeddingDistance
{
    /// <remarks>
    /// All classes' real images go through the network in one forward pass without a graph, and all synthetic images
    /// in a second one; the per-class means are index-adds over the class segments. For networks that treat every
    /// image on its own (instance norm, no norm) this equals the reference's loop over classes. For batch-norm
    /// networks, in train mode, it normalizes with the statistics of all classes together, which is what the paper
    /// prescribes for them (one forward pass for all classes, real and synthetic apart). <paramref name="chunk"/> splits
    /// the passes into slices (see <see cref="ChunkedEmbedding"/>); 0 keeps them whole.
    /// </remarks>
    public static Tensor Compute(
        Network network,
        Tensor real,
        ClassSegments realSegments,
        Tensor synthetic,
        ClassSegments syntheticSegments,
        ClassWiseAugmentation augmentation,
        int chunk = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(realSegments);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(syntheticSegments);
        ArgumentNullException.ThrowIfNull(augmentation);
        if (realSegments.Classes != syntheticSegments.Classes)
        {
            throw new ArgumentException($"{realSegments.Classes} real classes against {syntheticSegments.Classes} synthetic ones.", nameof(syntheticSegments));
        }

        using var scope = torch.NewDisposeScope();
        Tensor realMeans;
        using (torch.no_grad())
        {
            realMeans = realSegments.Means(ChunkedEmbedding.Embed(network, augmentation.Apply(real, realSegments), chunk));
        }

        var syntheticMeans = syntheticSegments.Means(ChunkedEmbedding.Embed(network, augmentation.Apply(synthetic, syntheticSegments), chunk));
        return (realMeans - syntheticMeans).pow(2).sum().MoveToOuterDisposeScope();
    }
}
