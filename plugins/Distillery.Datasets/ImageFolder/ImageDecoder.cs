using SkiaSharp;

namespace Distillery.Datasets.ImageFolder;

/// <summary>Decodes image files into 8-bit planes <c>[C, H, W]</c>, grey or RGB, resized when a size is set.</summary>
internal sealed class ImageDecoder(int channels, int? width, int? height)
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.None);

    /// <summary>The decoded image's width and height, and its planes.</summary>
    public (int Width, int Height, byte[] Planes) Decode(string path)
    {
        using var source = SKBitmap.Decode(path)
            ?? throw new UserErrorException($"Cannot read the image '{path}': it is not a PNG, JPEG, BMP, GIF or WebP image, or it is damaged.");
        var info = new SKImageInfo(width ?? source.Width, height ?? source.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = new SKBitmap(info);
        if (!source.ScalePixels(rgba, Sampling))
        {
            throw new UserErrorException($"Cannot convert the image '{path}' to {info.Width}×{info.Height} RGBA.");
        }

        return (info.Width, info.Height, ToPlanes(rgba));
    }

    private byte[] ToPlanes(SKBitmap rgba)
    {
        var (w, h) = (rgba.Width, rgba.Height);
        var pixels = rgba.GetPixelSpan();
        var planes = new byte[channels * w * h];
        var plane = w * h;
        for (var y = 0; y < h; y++)
        {
            var row = pixels.Slice(y * rgba.RowBytes, w * 4);
            for (var x = 0; x < w; x++)
            {
                var (r, g, b) = (row[4 * x], row[(4 * x) + 1], row[(4 * x) + 2]);
                var at = (y * w) + x;
                if (channels == 1)
                {
                    planes[at] = (byte)Math.Round((0.299 * r) + (0.587 * g) + (0.114 * b));
                }
                else
                {
                    planes[at] = r;
                    planes[plane + at] = g;
                    planes[(2 * plane) + at] = b;
                }
            }
        }

        return planes;
    }
}
