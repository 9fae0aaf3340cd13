using Distillery.Methods;
using Distillery.Tests.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.MultiFormation;

/// <summary>The decoding of multi-formation: tiles of the stored image, upsampled bilinearly, in a fixed order.</summary>
public sealed class FormationTests
{
    [Fact]
    public void FactorTwoCutsEachImageIntoFourTilesUpsampledToFullSizeInRowMajorOrder()
    {
        // Two 1×4×4 images whose 2×2 quadrants are constant: image 0 holds 1, 2 / 3, 4; image 1 holds 5, 6 / 7, 8.
        var values = new float[2, 4, 4];
        for (var image = 0; image < 2; image++)
        {
            for (var y = 0; y < 4; y++)
            {
                for (var x = 0; x < 4; x++)
                {
                    values[image, y, x] = 1 + (4 * image) + (2 * (y / 2)) + (x / 2);
                }
            }
        }

        using var images = torch.tensor(values.Cast<float>().ToArray()).reshape(2, 1, 4, 4);
        using var decoded = new Formation(2).Decode(images);

        decoded.shape.Should().Equal([8L, 1, 4, 4]);
        for (var i = 0; i < 8; i++)
        {
            // A constant tile upsamples to a constant image: training image i is tile i % 4 of stored image i / 4.
            using var row = decoded[i];
            row.min().item<float>().Should().Be(i + 1);
            row.max().item<float>().Should().Be(i + 1);
        }
    }

    [Fact]
    public void TheUpsamplingIsBilinearWithoutAlignedCorners()
    {
        // One 1×2×2 image with factor 2: each tile is one pixel, upsampled to 2×2; a ramp across the tile shows the interpolation.
        using var image = torch.tensor(new float[] { 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15 }).reshape(1, 1, 4, 4);
        using var decoded = new Formation(2).Decode(image);
        using var expected = nn.functional.interpolate(
            image[.., .., ..2, ..2], size: [4, 4], mode: InterpolationMode.Bilinear, align_corners: false);

        decoded[0].unsqueeze(0).allclose(expected).Should().BeTrue();
        // Top-left tile 0, 4 / 1, 5. Output pixel (1, 1) samples the tile at (0.25, 0.25): 0.75·0.25·4 + 0.25·0.75·1 + 0.25·0.25·5.
        decoded[0, 0, 0, 0].item<float>().Should().Be(0f);
        decoded[0, 0, 1, 1].item<float>().Should().BeApproximately(1.25f, 1e-6f);
    }

    [Fact]
    public void FactorOneIsTheImagesAsTheyAre()
    {
        using var generator = new Generator(1);
        using var images = torch.randn([3, 1, 6, 6], generator: generator);
        using var labels = torch.tensor(new long[] { 0, 1, 2 });

        using var decoded = Formation.None.Decode(images);
        using var decodedLabels = Formation.None.DecodeLabels(labels);

        decoded.Should().BeBitEqualTo(images);
        decodedLabels.Should().BeBitEqualTo(labels);
    }

    [Fact]
    public void LabelsAndSoftLabelsRepeatOncePerTile()
    {
        using var labels = torch.tensor(new long[] { 3, 7 });
        using var soft = torch.tensor(new float[] { 0.9f, 0.1f, 0.2f, 0.8f }).reshape(2, 2);
        var formation = new Formation(2);

        using var decodedLabels = formation.DecodeLabels(labels);
        using var decodedSoft = formation.DecodeLabels(soft);

        decodedLabels.data<long>().ToArray().Should().Equal(3, 3, 3, 3, 7, 7, 7, 7);
        decodedSoft.shape.Should().Equal([8L, 2]);
        decodedSoft[5].data<float>().ToArray().Should().Equal(0.2f, 0.8f);
    }

    [Fact]
    public void ComposeLaysShrunkImagesAsTheTilesDecodeGivesBack()
    {
        // Eight constant 1×4×4 images make two stored images; decoding gives the eight constants back in order.
        using var constants = torch.arange(1, 9, dtype: ScalarType.Float32).reshape(8, 1, 1, 1).expand(8, 1, 4, 4).contiguous();
        var formation = new Formation(2);

        using var stored = formation.Compose(constants);
        using var decoded = formation.Decode(stored);

        stored.shape.Should().Equal([2L, 1, 4, 4]);
        decoded.allclose(constants).Should().BeTrue();
    }

    [Fact]
    public void TheGradientFlowsBackToTheStoredImages()
    {
        using var generator = new Generator(2);
        using var stored = torch.randn([2, 1, 4, 4], generator: generator).requires_grad_();
        using var decoded = new Formation(2).Decode(stored);
        using var loss = decoded.pow(2).sum();

        var gradient = torch.autograd.grad([loss], [stored])[0];

        gradient.shape.Should().Equal([2L, 1, 4, 4]);
        gradient.abs().sum().item<float>().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task ASnapshotSinkThatKnowsNothingOfFormationsReceivesTheDecodedImages()
    {
        using var stored = torch.zeros([3, 1, 4, 4]).requires_grad_();
        using var labels = torch.tensor(new long[] { 0, 1, 2 });
        var sink = new ShapeSink();

        await sink.OfferAsync(1, stored, labels, new Formation(2), CancellationToken.None);
        await sink.OfferAsync(2, stored, labels, Formation.None, CancellationToken.None);

        sink.Seen.Should().Equal((12L, 12L), (3L, 3L));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void AFactorOutsideOneToFourIsRefused(int factor)
    {
        var make = () => new Formation(factor);
        make.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AFactorThatDoesNotDivideTheSidesIsRefusedWithTheFactorsThatDo()
    {
        new Formation(3).Problem(28, 28).Should().Contain("1, 2 or 4");
        new Formation(2).Problem(28, 28).Should().BeNull();
        new Formation(4).Problem(32, 32).Should().BeNull();
        using var images = torch.zeros([1, 1, 28, 28]);
        var decode = () => new Formation(3).Decode(images);
        decode.Should().Throw<ArgumentException>().WithMessage("*3×3*");
    }

    private sealed class ShapeSink : ISnapshotSink
    {
        public List<(long Images, long Labels)> Seen { get; } = [];

        public bool Wants(int iteration) => true;

        public Task TakeAsync(int iteration, Tensor images, Tensor labels, CancellationToken cancellationToken)
        {
            Seen.Add((images.shape[0], labels.shape[0]));
            return Task.CompletedTask;
        }
    }
}
