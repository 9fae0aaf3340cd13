using Distillery.Data;
using static TorchSharp.torch;

namespace Distillery.Imaging;

/// <summary>Draws a set of images as a PNG grid: one row per class, one column per image (up to a limit).</summary>
public static class ImageGrid
{
    /// <summary>
    /// Writes <paramref name="images"/> (normalized with <paramref name="info"/>) labelled <paramref name="labels"/> to
    /// <paramref name="path"/>, one row per class with at most <paramref name="maxPerClass"/> images, each scaled by
    /// <paramref name="scale"/>. Creates the folder if needed.
    /// </summary>
    public static void WritePng(Tensor images, Tensor labels, DatasetInfo info, string path, int maxPerClass = 10, int scale = 2)
        => throw new NotImplementedException();
}
