using Distillery.Augmentation;

namespace Distillery.Tests.Augmentation;

public sealed class AugmentationStrategyTests
{
    [Fact]
    public void ReadsEveryOperationInOrder()
    {
        var strategy = AugmentationStrategy.Parse("color_crop_cutout_flip_scale_rotate");

        Assert.Equal(
            [AugmentationOp.Color, AugmentationOp.Crop, AugmentationOp.Cutout, AugmentationOp.Flip, AugmentationOp.Scale, AugmentationOp.Rotate],
            strategy.Ops);
        Assert.Equal(AugmentationMode.Single, strategy.Mode);
        Assert.Equal(AugmentationSettings.Reference, strategy.Settings);
        Assert.Equal("color_crop_cutout_flip_scale_rotate", strategy.ToString());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("")]
    [InlineData(null)]
    public void NoneMeansNoAugmentation(string? text)
    {
        var strategy = AugmentationStrategy.Parse(text);

        Assert.True(strategy.IsNone);
        Assert.Equal("none", strategy.ToString());
    }

    [Fact]
    public void NamesAreCaseInsensitive() =>
        Assert.Equal([AugmentationOp.Flip, AugmentationOp.Rotate], AugmentationStrategy.Parse(" Flip_ROTATE ").Ops);

    [Theory]
    [InlineData("crop_blur", "unknown operation 'blur'")]
    [InlineData("crop__flip", "empty operation name")]
    public void UnknownOperationIsAUserErrorListingTheValidOnes(string text, string what)
    {
        var error = Assert.Throws<UserErrorException>(() => AugmentationStrategy.Parse(text));

        Assert.Contains(what, error.Message);
        Assert.Contains("color, crop, cutout, flip, scale, rotate", error.Message);
    }
}
