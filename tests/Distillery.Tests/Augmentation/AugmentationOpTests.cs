using Distillery.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Augmentation;

/// <summary>What each operation does to an image, checked against its definition.</summary>
public sealed class AugmentationOpTests
{
    [Fact]
    public void FlipMirrorsAboutHalfTheImagesLeftToRight()
    {
        using var scope = torch.NewDisposeScope();
        var images = DifferentiableAugmentationTests.Images(2000, 1, 4, 6, seed: 1);
        using var generator = new Generator(3);

        var output = DifferentiableAugmentation.Apply(images, AugmentationStrategy.Parse("flip"), generator, siamese: false);

        var same = output.eq(images).flatten(1).all(1);
        var mirrored = output.eq(images.flip(3)).flatten(1).all(1);
        same.logical_or(mirrored).all().item<bool>().Should().BeTrue();
        var share = mirrored.to_type(ScalarType.Float32).mean().item<float>();
        share.Should().BeInRange(0.45f, 0.55f);
    }

    [Fact]
    public void FlipProbabilityIsASetting()
    {
        using var scope = torch.NewDisposeScope();
        var images = DifferentiableAugmentationTests.Images(50, 1, 4, 6, seed: 1);
        using var generator = new Generator(3);
        var always = AugmentationStrategy.Parse("flip", settings: new AugmentationSettings { FlipProbability = 1 });

        var output = DifferentiableAugmentation.Apply(images, always, generator, siamese: false);

        DifferentiableAugmentationTests.Identical(output, images.flip(3)).Should().BeTrue();
    }

    [Fact]
    public void CropShiftsEachImageByWholePixelsWithinThePadFillingZeros()
    {
        using var scope = torch.NewDisposeScope();
        var images = DifferentiableAugmentationTests.Images(30, 2, 16, 16, seed: 1).add_(1); // no zeros inside
        using var generator = new Generator(4);

        var output = DifferentiableAugmentation.Apply(images, AugmentationStrategy.Parse("crop"), generator, siamese: false);

        var shifts = new HashSet<(int, int)>();
        for (var i = 0; i < 30; i++)
        {
            var shift = FindShift(images[i], output[i], maxShift: 2);
            shift.HasValue.Should().BeTrue($"image {i} is not a shift of its input by at most 2 pixels");
            shifts.Add(shift!.Value);
        }

        shifts.Count.Should().BeGreaterThan(5, "the shifts should vary between images");
    }

    [Fact]
    public void CutoutZeroesOnePatchOfHalfTheSideOrLessAtTheBorder()
    {
        using var scope = torch.NewDisposeScope();
        var ones = torch.ones(200, 1, 16, 16);
        using var generator = new Generator(5);

        var output = DifferentiableAugmentation.Apply(ones, AugmentationStrategy.Parse("cutout"), generator, siamese: false);

        var zeroRows = output.eq(0).any(3).squeeze(1).to_type(ScalarType.Int64).sum(1);
        var zeroColumns = output.eq(0).any(2).squeeze(1).to_type(ScalarType.Int64).sum(1);
        var zeroes = output.eq(0).flatten(1).to_type(ScalarType.Int64).sum(1);
        zeroes.eq(zeroRows * zeroColumns).all().item<bool>().Should().BeTrue("the zeroed pixels form one rectangle");
        zeroRows.min().item<long>().Should().BeInRange(4, 8);
        zeroRows.max().item<long>().Should().Be(8);
        zeroColumns.min().item<long>().Should().BeInRange(4, 8);
        output.eq(0).logical_or(output.eq(1)).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public void ColorShiftsAFlatGreyImageByAtMostHalf()
    {
        using var scope = torch.NewDisposeScope();
        var grey = torch.full([100, 3, 8, 8], 0.25f);
        using var generator = new Generator(6);

        var output = DifferentiableAugmentation.Apply(grey, AugmentationStrategy.Parse("color"), generator, siamese: false);

        // Saturation and contrast leave a flat grey image alone; brightness adds one offset in [-0.5, 0.5].
        var offsets = output.flatten(1) - 0.25f;
        offsets.allclose(offsets[.., ..1].expand_as(offsets), rtol: 0, atol: 1e-6).Should().BeTrue();
        offsets.min().item<float>().Should().BeInRange(-0.5f, -0.3f);
        offsets.max().item<float>().Should().BeInRange(0.3f, 0.5f);
    }

    [Fact]
    public void ColorSaturationAndContrastKeepEachImagesMean()
    {
        using var scope = torch.NewDisposeScope();
        var images = DifferentiableAugmentationTests.Images(20, 3, 8, 8, seed: 1);
        using var generator = new Generator(7);
        var noBrightness = AugmentationStrategy.Parse("color", settings: new AugmentationSettings { Brightness = 0 });

        var output = DifferentiableAugmentation.Apply(images, noBrightness, generator, siamese: false);

        output.mean([1, 2, 3]).allclose(images.mean([1, 2, 3]), rtol: 0, atol: 1e-5).Should().BeTrue();
        output.allclose(images, rtol: 0, atol: 1e-3).Should().BeFalse();
    }

    [Theory]
    [InlineData("scale")]
    [InlineData("rotate")]
    public void WarpsWithoutStrengthAreTheIdentity(string op)
    {
        using var scope = torch.NewDisposeScope();
        var images = DifferentiableAugmentationTests.Images(4, 3, 10, 12, seed: 1);
        using var generator = new Generator(8);
        var identity = AugmentationStrategy.Parse(op, settings: new AugmentationSettings { ScaleRatio = 1, RotateDegrees = 0 });

        var output = DifferentiableAugmentation.Apply(images, identity, generator, siamese: false);

        output.allclose(images, rtol: 0, atol: 1e-5).Should().BeTrue();
    }

    [Theory]
    [InlineData("scale")]
    [InlineData("rotate")]
    public void WarpsTurnAndStretchAboutTheCentre(string op)
    {
        using var scope = torch.NewDisposeScope();
        var images = DifferentiableAugmentationTests.Images(6, 2, 9, 9, seed: 1);
        using var generator = new Generator(9);

        var output = DifferentiableAugmentation.Apply(images, AugmentationStrategy.Parse(op), generator, siamese: false);

        output[.., .., 4, 4].allclose(images[.., .., 4, 4], rtol: 0, atol: 1e-5).Should().BeTrue("the centre pixel stays put");
        output.allclose(images, rtol: 0, atol: 1e-3).Should().BeFalse();
    }

    // The (row, column) shift s such that output[y, x] = input[y + s.row, x + s.col], or zero when that is outside.
    private static (int Row, int Column)? FindShift(Tensor input, Tensor output, int maxShift)
    {
        var height = (int)input.shape[1];
        var width = (int)input.shape[2];
        var padded = nn.functional.pad(input.unsqueeze(0), [maxShift, maxShift, maxShift, maxShift]).squeeze(0);
        for (var row = -maxShift; row <= maxShift; row++)
        {
            for (var column = -maxShift; column <= maxShift; column++)
            {
                var window = padded[.., (maxShift + row)..(maxShift + row + height), (maxShift + column)..(maxShift + column + width)];
                if (DifferentiableAugmentationTests.Identical(window, output))
                {
                    return (row, column);
                }
            }
        }

        return null;
    }
}
