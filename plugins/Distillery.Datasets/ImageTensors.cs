using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Datasets;

/// <summary>Turns decoded bytes into the tensors a dataset returns, in one conversion rather than pixel by pixel.</summary>
internal static class ImageTensors
{
    /// <summary>
    /// <paramref name="count"/> images of 8-bit pixels laid out <c>[N, C, H, W]</c> in <paramref name="pixels"/>
    /// (which may be longer), with their labels, as float32 in [0, 1] and int64.
    /// </summary>
    public static LabeledImages FromBytes(byte[] pixels, long[] labels, int count, int channels, int height, int width, int numClasses)
    {
        using var scope = torch.NewDisposeScope();
        var length = (long)count * channels * height * width;
        var raw = length == pixels.LongLength ? pixels : pixels.AsSpan(0, checked((int)length)).ToArray();
        var images = torch.tensor(raw, [count, channels, height, width])
            .to_type(ScalarType.Float32)
            .div_(255f)
            .MoveToOuterDisposeScope();
        var labelTensor = torch.tensor(count == labels.Length ? labels : labels[..count], ScalarType.Int64).MoveToOuterDisposeScope();
        return new LabeledImages(images, labelTensor, numClasses);
    }
}
