using System.Runtime.InteropServices;
using Distillery.Data;
using Distillery.Storage;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Imaging;

/// <summary>Draws a set of images as a PNG grid: one row per class, one column per image (up to a limit).</summary>
public static class ImageGrid
{
    /// <summary>Pixels of white between neighbouring images.</summary>
    public const int Gap = 2;

    private const byte Background = 255;

    /// <summary>
    /// Writes <paramref name="images"/> (normalized with <paramref name="info"/>) labelled <paramref name="labels"/> to
    /// <paramref name="path"/>, one row per class with at most <paramref name="maxPerClass"/> images (the first ones
    /// of that class, in order), each scaled by <paramref name="scale"/> (nearest neighbour). Pixels are denormalized
    /// and clamped to [0, 1]; one channel gives a grayscale PNG, three an RGB one. Creates the folder if needed and
    /// replaces the file atomically.
    /// </summary>
    public static void WritePng(Tensor images, Tensor labels, DatasetInfo info, string path, int maxPerClass = 10, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        CheckShapes(images, labels, info);

        var (channels, height, width) = ((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        var pixels = ToBytes(images, info);
        var rows = Rows(labels, info, maxPerClass);
        var columns = Math.Max(1, rows.Max(row => row.Count));
        var cellWidth = width * scale;
        var cellHeight = height * scale;
        var canvasWidth = (columns * cellWidth) + ((columns - 1) * Gap);
        var canvasHeight = (rows.Count * cellHeight) + ((rows.Count - 1) * Gap);
        var bytesPerPixel = channels == 1 ? 1 : 4; // RGBA for colour, alpha left opaque
        var canvas = new byte[canvasWidth * canvasHeight * bytesPerPixel];
        Array.Fill(canvas, Background);

        var imageSize = channels * height * width;
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < rows[row].Count; column++)
            {
                var image = rows[row][column];
                var left = column * (cellWidth + Gap);
                var top = row * (cellHeight + Gap);
                for (var y = 0; y < cellHeight; y++)
                {
                    for (var x = 0; x < cellWidth; x++)
                    {
                        var source = (image * imageSize) + ((y / scale) * width) + (x / scale);
                        var target = (((top + y) * canvasWidth) + left + x) * bytesPerPixel;
                        for (var channel = 0; channel < channels; channel++)
                        {
                            canvas[target + channel] = pixels[source + (channel * height * width)];
                        }
                    }
                }
            }
        }

        var colorType = channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888;
        using var bitmap = new SKBitmap(new SKImageInfo(canvasWidth, canvasHeight, colorType, SKAlphaType.Opaque));
        Marshal.Copy(canvas, 0, bitmap.GetPixels(), canvas.Length);
        AtomicFile.Write(path, stream =>
        {
            if (!bitmap.Encode(stream, SKEncodedImageFormat.Png, 100))
            {
                throw new IOException($"Could not encode the image grid for '{path}' as PNG.");
            }
        });
    }

    /// <summary>Denormalized, clamped pixels as bytes, [N, C, H, W] row-major.</summary>
    private static byte[] ToBytes(Tensor images, DatasetInfo info)
    {
        using var scope = torch.NewDisposeScope();
        var cpu = images.detach().cpu().to(ScalarType.Float32);
        var pixels = Normalization.Denormalize(cpu, info).clamp(0, 1).mul(255).round().to(ScalarType.Byte).contiguous();
        return pixels.bytes.ToArray();
    }

    /// <summary>For each class, the indices of its first images (at most <paramref name="maxPerClass"/>).</summary>
    private static List<List<int>> Rows(Tensor labels, DatasetInfo info, int maxPerClass)
    {
        using var cpu = labels.detach().cpu().to(ScalarType.Int64);
        var values = cpu.data<long>().ToArray();
        if (values.Any(label => label < 0))
        {
            throw new ArgumentException("Labels must not be negative.", nameof(labels));
        }

        var classes = (int)Math.Max(info.NumClasses, values.Length == 0 ? 0 : values.Max() + 1);
        var rows = Enumerable.Range(0, Math.Max(1, classes)).Select(_ => new List<int>()).ToList();
        for (var index = 0; index < values.Length; index++)
        {
            var row = rows[(int)values[index]];
            if (row.Count < maxPerClass)
            {
                row.Add(index);
            }
        }

        return rows;
    }

    private static void CheckShapes(Tensor images, Tensor labels, DatasetInfo info)
    {
        if (images.dim() != 4 || images.shape[0] == 0)
        {
            throw new ArgumentException($"Images are [N, C, H, W] with N > 0, not [{string.Join(", ", images.shape)}].", nameof(images));
        }

        var channels = images.shape[1];
        if (channels is not (1 or 3) || channels != info.Mean.Count || channels != info.Std.Count)
        {
            throw new ArgumentException(
                $"Images have {channels} channels; a grid draws 1 or 3, matching the {info.Mean.Count} of {info.Name}'s mean and std.",
                nameof(images));
        }

        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException($"Labels are [{images.shape[0]}], not [{string.Join(", ", labels.shape)}].", nameof(labels));
        }
    }
}
