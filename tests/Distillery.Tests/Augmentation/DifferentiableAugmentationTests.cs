using Distillery.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Augmentation;

public sealed class DifferentiableAugmentationTests
{
    public static TheoryData<string> Ops { get; } = ["color", "crop", "cutout", "flip", "scale", "rotate"];

    [Theory]
    [MemberData(nameof(Ops))]
    public void KeepsTheShape(string op)
    {
        using var scope = torch.NewDisposeScope();
        var images = Images(5, 3, 16, 12, seed: 1);
        using var generator = new Generator(2);

        foreach (var siamese in new[] { false, true })
        {
            var output = DifferentiableAugmentation.Apply(images, AugmentationStrategy.Parse(op), generator, siamese);
            output.shape.Should().Equal(images.shape);
            output.dtype.Should().Be(ScalarType.Float32);
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void GradientsReachTheImages(string op)
    {
        using var scope = torch.NewDisposeScope();
        var images = Images(4, 3, 16, 16, seed: 1).requires_grad_();
        var weights = Images(4, 3, 16, 16, seed: 2);
        using var generator = new Generator(3);

        var output = DifferentiableAugmentation.Apply(images, AugmentationStrategy.Parse(op), generator, siamese: false);
        (output * weights).sum().backward();

        var gradient = images.grad;
        gradient.Should().NotBeNull();
        gradient.isfinite().all().item<bool>().Should().BeTrue();
        gradient.abs().sum().item<float>().Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void TheSameGeneratorStateGivesTheSameOutput(string op)
    {
        using var scope = torch.NewDisposeScope();
        var images = Images(6, 3, 16, 16, seed: 1);
        var strategy = AugmentationStrategy.Parse(op);
        using var first = new Generator(42);
        using var second = new Generator(42);

        var a = DifferentiableAugmentation.Apply(images, strategy, first, siamese: false);
        torch.random.manual_seed(1234); // the global generator plays no part
        _ = torch.rand(10);
        var b = DifferentiableAugmentation.Apply(images, strategy, second, siamese: false);

        Identical(a, b).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void SiameseDrawAugmentsConcatenatedBatchesAsItDoesEachAlone(string op)
    {
        using var scope = torch.NewDisposeScope();
        var real = Images(5, 3, 16, 16, seed: 1);
        var synthetic = Images(2, 3, 16, 16, seed: 2);
        var strategy = AugmentationStrategy.Parse(op);
        using var generator = new Generator(9);
        using var draw = DifferentiableAugmentation.Draw(strategy, 7, 16, 16, generator, siamese: true);

        var together = draw.Apply(torch.cat([real, synthetic], 0));
        var apart = torch.cat([draw.Apply(real), draw.Apply(synthetic)], 0);

        together.allclose(apart, rtol: 0, atol: 1e-6).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void SiameseGivesEveryImageTheSameTransform(string op)
    {
        using var scope = torch.NewDisposeScope();
        var copies = Images(1, 3, 16, 16, seed: 1).expand(8, 3, 16, 16).contiguous();
        var strategy = AugmentationStrategy.Parse(op);

        for (ulong seed = 0; seed < 4; seed++)
        {
            using var generator = new Generator(seed);
            var output = DifferentiableAugmentation.Apply(copies, strategy, generator, siamese: true);
            output.allclose(output[0].unsqueeze(0).expand_as(output), rtol: 0, atol: 1e-6).Should().BeTrue();
        }
    }

    [Fact]
    public void PerImageDrawsDifferBetweenImages()
    {
        using var scope = torch.NewDisposeScope();
        var copies = Images(1, 3, 16, 16, seed: 1).expand(8, 3, 16, 16).contiguous();
        using var generator = new Generator(5);

        var output = DifferentiableAugmentation.Apply(copies, AugmentationStrategy.Parse("rotate"), generator, siamese: false);

        output[0].allclose(output[1], rtol: 0, atol: 1e-4).Should().BeFalse();
    }

    [Fact]
    public void SingleModeAppliesOneOperationAndMultipleModeAllOfThem()
    {
        using var generator = new Generator(1);
        var ops = new HashSet<AugmentationOp>();
        for (var i = 0; i < 40; i++)
        {
            using var draw = DifferentiableAugmentation.Draw(AugmentationStrategy.Parse("crop_flip_rotate"), 2, 8, 8, generator, siamese: false);
            ops.Add(draw.Ops.Should().ContainSingle().Which);
        }

        using var all = DifferentiableAugmentation.Draw(
            AugmentationStrategy.Parse("crop_flip_rotate", AugmentationMode.Multiple), 2, 8, 8, generator, siamese: false);

        ops.Order().Should().Equal([AugmentationOp.Crop, AugmentationOp.Flip, AugmentationOp.Rotate]);
        all.Ops.Should().Equal([AugmentationOp.Crop, AugmentationOp.Flip, AugmentationOp.Rotate]);
    }

    [Fact]
    public void NoneReturnsTheImagesUnchanged()
    {
        using var images = Images(2, 1, 8, 8, seed: 1);
        using var generator = new Generator(1);

        DifferentiableAugmentation.Apply(images, AugmentationStrategy.None, generator, siamese: false).Should().BeSameAs(images);
    }

    [Fact]
    public void PerImageDrawRefusesABatchOfAnotherSize()
    {
        using var generator = new Generator(1);
        using var draw = DifferentiableAugmentation.Draw(AugmentationStrategy.Parse("flip"), 4, 8, 8, generator, siamese: false);
        using var images = Images(3, 1, 8, 8, seed: 1);

        FluentActions.Invoking(() => draw.Apply(images)).Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void DrawRefusesImagesOfAnotherSize()
    {
        using var generator = new Generator(1);
        using var draw = DifferentiableAugmentation.Draw(AugmentationStrategy.Parse("flip"), 1, 8, 8, generator, siamese: true);
        using var images = Images(3, 1, 8, 9, seed: 1);

        FluentActions.Invoking(() => draw.Apply(images)).Should().ThrowExactly<ArgumentException>();
    }

    /// <summary>Same shape and bit-identical values.</summary>
    internal static bool Identical(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    internal static Tensor Images(long n, long c, long h, long w, ulong seed)
    {
        using var generator = new Generator(seed);
        return torch.rand([n, c, h, w], generator: generator);
    }
}
