using Distillery.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// Embeds a batch a slice at a time. On the CPU a layer output of a whole real batch (640 images through ConvNet-3 make
/// 335 MB) is too large for the allocator to reuse, so every layer of every iteration maps and faults in fresh pages;
/// slices of a few dozen images stay in reused memory and run about a third faster. The result is the same for
/// networks that treat every image on its own; a network with batch normalization is always embedded whole, since its
/// statistics depend on the batch.
/// </summary>
public static class ChunkedEmbedding
{
    /// <summary>The slice used on the CPU when the options leave it to the method.</summary>
    public const int DefaultCpuChunk = 16;

    /// <summary>
    /// The slice size for <paramref name="network"/>: <paramref name="configured"/> when positive, otherwise
    /// <see cref="DefaultCpuChunk"/> on the CPU and the whole batch on an accelerator; always the whole batch (0) for a
    /// network with batch normalization.
    /// </summary>
    public static int ChunkFor(Network network, Device device, int configured)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(device);
        if (network.modules().Any(module => module is BatchNorm1d or BatchNorm2d or BatchNorm3d))
        {
            return 0;
        }

        return configured > 0 ? configured : device.type == DeviceType.CPU ? DefaultCpuChunk : 0;
    }

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
