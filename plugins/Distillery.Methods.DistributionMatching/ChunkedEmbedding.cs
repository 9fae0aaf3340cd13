using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// Embeds a batch a slice at a time (see <see cref="Training.BatchSlicing"/> for why and when): the real batch of all
/// classes is 640 images or more, whose layer outputs the CPU allocator cannot reuse whole.
/// </summary>
internal static class ChunkedEmbedding
{
    /// <summary>The embeddings of <paramref name="images"/>, computed <paramref name="chunk"/> images at a time (0: at once).</summary>
    public static Tensor Embed(Network network, Tensor images, int chunk)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        var rows = images.shape[0];
        if (chunk <= 0 || rows <= chunk)
        {
            return network.Embed(images);
        }

        using var scope = torch.NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < rows; start += chunk)
        {
            parts.Add(network.Embed(images.narrow(0, start, Math.Min(chunk, rows - start))));
        }

        return torch.cat(parts, 0).MoveToOuterDisposeScope();
    }
}
