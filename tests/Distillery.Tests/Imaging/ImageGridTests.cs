using Distillery.Data;
using Distillery.Imaging;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Imaging;

public sealed class ImageGridTests : IDisposable
{
    private static readonly DatasetInfo Gray = new("gray", 1, 2, 3, ["a", "b", "c"], [0.5f], [0.25f]);
    private static readonly DatasetInfo Color = new("color", 3, 2, 2, ["a", "b"], [0.5f, 0.4f, 0.3f], [0.5f, 0.2f, 0.1f]);

    private readonly string _folder = Directory.CreateTempSubdirectory("distillery-grid-").FullName;

    [Fact]
    public void GrayscaleGridHasOneRowPerClassAndKnownPixels()
    {
        // Class 0 has three images, class 1 one, class 2 none. Pixel value v is stored normalized: (v - 0.5) / 0.25.
        var raw = torch.full([4, 1, 2, 3], 0.2f);
        raw[3, 0, 1, 2] = torch.tensor(1.7f); // clamped to white
        raw[1, 0, 0, 0] = torch.tensor(-0.3f); // clamped to black
        using var images = (raw - 0.5f) / 0.25f;
        using var labels = torch.tensor(new long[] { 0, 0, 1, 0 });
        var path = Path.Combine(_folder, "grids", "gray.png");

        ImageGrid.WritePng(images, labels, Gray, path, maxPerClass: 2, scale: 3);

        using var png = SKBitmap.Decode(path);
        // Two columns of 3×3-scaled 3-pixel-wide images with a gap; three rows of 2-pixel-high ones.
        png.Width.Should().Be((2 * 9) + ImageGrid.Gap);
        png.Height.Should().Be((3 * 6) + (2 * ImageGrid.Gap));
        png.GetPixel(0, 0).Should().Be(new SKColor(51, 51, 51));
        png.GetPixel(8, 5).Should().Be(new SKColor(51, 51, 51));
        png.GetPixel(9, 0).Should().Be(SKColors.White); // gap
        png.GetPixel(11, 0).Should().Be(new SKColor(0, 0, 0)); // image 1, pixel (0, 0), clamped
        png.GetPixel(11 + 3, 0).Should().Be(new SKColor(51, 51, 51)); // its next pixel: nearest-neighbour scaling
        png.GetPixel(0, 6 + ImageGrid.Gap).Should().Be(new SKColor(51, 51, 51)); // class 1's image
        png.GetPixel(11, 6 + ImageGrid.Gap).Should().Be(SKColors.White); // class 1 has one image only
        png.GetPixel(0, png.Height - 1).Should().Be(SKColors.White); // class 2 has none
        Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void ClassesBeyondTheDatasetsGetRowsAndImageThreeIsLeftOutByTheLimit()
    {
        using var images = torch.zeros(3, 1, 2, 3);
        using var labels = torch.tensor(new long[] { 4, 4, 4 });
        var path = Path.Combine(_folder, "wide.png");

        ImageGrid.WritePng(images, labels, Gray, path, maxPerClass: 2, scale: 1);

        using var png = SKBitmap.Decode(path);
        png.Width.Should().Be((2 * 3) + ImageGrid.Gap);
        png.Height.Should().Be((5 * 2) + (4 * ImageGrid.Gap));
        png.GetPixel(0, png.Height - 1).Should().Be(new SKColor(128, 128, 128));
    }

    [Fact]
    public void RgbImagesAreDenormalizedPerChannel()
    {
        // Stored normalized so that the pixels are (0.2, 0.6, 1.0) → (51, 153, 255).
        float[] wanted = [0.2f, 0.6f, 1.0f];
        var raw = torch.tensor(wanted).reshape(1, 3, 1, 1).expand(2, 3, 2, 2).contiguous();
        using var images = (raw - torch.tensor(Color.Mean.ToArray()).reshape(1, 3, 1, 1)) / torch.tensor(Color.Std.ToArray()).reshape(1, 3, 1, 1);
        using var labels = torch.tensor(new long[] { 1, 0 });
        var path = Path.Combine(_folder, "color.png");

        ImageGrid.WritePng(images, labels, Color, path);

        using var png = SKBitmap.Decode(path);
        png.Width.Should().Be(4);
        png.Height.Should().Be((2 * 4) + ImageGrid.Gap);
        png.GetPixel(3, 3).Should().Be(new SKColor(51, 153, 255));
        png.GetPixel(0, 4 + ImageGrid.Gap).Should().Be(new SKColor(51, 153, 255));
    }

    [Fact]
    public void RefusesImagesThatDoNotMatchTheDataset()
    {
        using var images = torch.zeros(2, 3, 2, 3);
        using var labels = torch.zeros(2, ScalarType.Int64);

        FluentActions.Invoking(() => ImageGrid.WritePng(images, labels, Gray, Path.Combine(_folder, "x.png"))).Should().ThrowExactly<ArgumentException>();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
