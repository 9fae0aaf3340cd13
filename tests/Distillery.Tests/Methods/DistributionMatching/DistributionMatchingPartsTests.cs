using Distillery.Augmentation;
using Distillery.Methods.DistributionMatching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>The pieces of a DM iteration, without networks.</summary>
public sealed class DistributionMatchingPartsTests
{
    [Fact]
    public void Segment_means_equal_the_mean_of_each_class_and_carry_gradients()
    {
        using var scope = torch.NewDisposeScope();
        using var segments = new ClassSegments([2, 1, 3], torch.CPU);
        var values = torch.arange(12, dtype: ScalarType.Float32).reshape(6, 2).requires_grad_(true);

        var means = segments.Means(values);

        Assert.Equal([1f, 2f, 4f, 5f, 8f, 9f], means.data<float>().ToArray());
        var gradient = torch.autograd.grad([means.sum()], [values])[0];
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f, 1f, 1f, 1f / 3, 1f / 3, 1f / 3, 1f / 3, 1f / 3, 1f / 3], gradient.data<float>().ToArray());
    }

    [Fact]
    public void Each_class_gets_its_own_draw_applied_alike_to_its_real_and_synthetic_rows()
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
            Assert.True(DmRuns.Identical(real[row], synthetic[row < 3 ? 0 : 1]), $"real row {row} differs from its class's synthetic row");
        }

        Assert.False(DmRuns.Identical(synthetic[0], synthetic[1]));
    }

    [Fact]
    public void The_none_strategy_passes_images_through()
    {
        using var generator = new Generator(1);
        using var augmentation = ClassWiseAugmentation.Draw(AugmentationStrategy.None, 2, 8, 8, generator, torch.CPU);
        using var segments = new ClassSegments([1, 1], torch.CPU);
        using var images = torch.rand([2, 1, 8, 8]);

        Assert.Same(images, augmentation.Apply(images, segments));
    }
}
