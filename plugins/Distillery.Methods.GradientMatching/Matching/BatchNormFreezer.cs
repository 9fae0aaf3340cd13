using Distillery.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>
/// Batch normalization in gradient matching, as the reference handles it: a synthetic batch of a few images cannot
/// give stable statistics, so before each matching step one forward pass of real images of every class, in training
/// mode, updates the running statistics, and then every batch-norm layer is put in eval mode for the matching.
/// Training the network on the synthetic set puts them back in training mode.
/// </summary>
internal sealed class BatchNormFreezer
{
    /// <summary>Real images per class in the forward pass that sets the statistics (reference: 16).</summary>
    public const int ImagesPerClass = 16;

    private readonly IReadOnlyList<nn.Module> _layers;

    private BatchNormFreezer(IReadOnlyList<nn.Module> layers) => _layers = layers;

    /// <summary>A freezer for <paramref name="network"/>, or null when it has no batch normalization.</summary>
    public static BatchNormFreezer? For(Network network)
    {
        var layers = network.modules().Where(m => m is BatchNorm1d or BatchNorm2d or BatchNorm3d).ToList();
        return layers.Count == 0 ? null : new BatchNormFreezer(layers);
    }

    /// <summary>Updates the running statistics with <paramref name="realImages"/>, then freezes them.</summary>
    public void Freeze(Network network, Tensor realImages)
    {
        network.train();
        using (torch.no_grad())
        {
            network.call(realImages).Dispose();
        }

        foreach (var layer in _layers)
        {
            layer.eval();
        }
    }
}
