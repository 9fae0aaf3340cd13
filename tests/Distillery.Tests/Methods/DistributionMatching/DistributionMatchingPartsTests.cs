using Distillery.Augmentation;
using Distillery.Methods.DistributionMatching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>The pieces of a DM iteration, without networks.</summary>
public sealed class DistributionMatchingPartsTests
{
    [Fact]
    public void SegmentMeansEqualTheMeanOfEachClassAndCarryGradients()
    {
        using var scope = torch.NewDisposeScope();
        using var segments = new ClassSegments([2, 1, 3], torch.CPU);
        var values = torch.arange(12, dtype: ScalarType.Float32).reshape(6, 2).requires_grad_(true);

        var means = segments.Means(values);

        means.data<float>().ToArray().Should().Equal([1f, 2f, 4f, 5f, 8f, 9f]);
        var gradient = torch.autograd.grad([means.sum()], [values])[0];
        gradient.data<float>().ToArray().Should().Equal([0.5f, 0.5f, 0.5f, 0.5f, 1f, 1f, 1f / 3, 1f / 3, 1f / 3, 1f / 3, 1f / 3, 1f / 3]);
    }

    [Fact]
    public void EachClassGetsItsOwnDrawAppliedAlikeToItsRealAndSyntheticRows()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(21);
        var strategy = AugmentationStrategy.Parse("crop_cutout_flip_scale_rotate", AugmentationMode.Multiple);
        using var augmentation = ClassWiseAugmentation.Draw(strategy, 2, 8, 8, generator, torch.CPU);
        var image = torch.rand([1, 1, 8, 8], generator: generator);

        // The same image as every row of both classes: rows agree within a class and differ across classes.
        using var realSegments = new ClassSegments([3, 4], torch.CPU);
        using var syntheticSegments = new ClassSegments([1, 1], torch.CPU);
        var real = augmentation.Apply(image.expand(7, 1, 8, 8), realSegments);
        var synthetic = augmentation.Apply(image.expand(2, 1, 8, 8), syntheticSegments);

        for (var row = 0; row < 7; row++)
        {
            DmRuns.Identical(real[row], synthetic[row < 3 ? 0 : 1]).Should().BeTrue($"real row {row} differs from its class's synthetic row");
        }

        DmRuns.Identical(synthetic[0], synthetic[1]).Should().BeFalse();
    }

    [Fact]
    public void TheNoneStrategyPassesImagesThrough()
    {
        using var generator = new Generator(1);
        using var augmentation = ClassWiseAugmentation.Draw(AugmentationStrategy.None, 2, 8, 8, generator, torch.CPU);
        using var segments = new ClassSegments([1, 1], torch.CPU);
        using var images = torch.rand([2, 1, 8, 8]);

        augmentation.Apply(images, segments).Should().BeSameAs(images);
    }
}
