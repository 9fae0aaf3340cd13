using Distillery.Augmentation;

namespace Distillery.Tests.Augmentation;

public sealed class AugmentationStrategyTests
{
    [Fact]
    public void ReadsEveryOperationInOrder()
    {
        var strategy = AugmentationStrategy.Parse("color_crop_cutout_flip_scale_rotate");

        strategy.Ops.Should().Equal([AugmentationOp.Color, AugmentationOp.Crop, AugmentationOp.Cutout, AugmentationOp.Flip, AugmentationOp.Scale, AugmentationOp.Rotate]);
        strategy.Mode.Should().Be(AugmentationMode.Single);
        strategy.Settings.Should().Be(AugmentationSettings.Reference);
        strategy.ToString().Should().Be("color_crop_cutout_flip_scale_rotate");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("")]
    [InlineData(null)]
    public void NoneMeansNoAugmentation(string? text)
    {
        var strategy = AugmentationStrategy.Parse(text);

        strategy.IsNone.Should().BeTrue();
        strategy.ToString().Should().Be("none");
    }

    [Fact]
    public void NamesAreCaseInsensitive() =>
        AugmentationStrategy.Parse(" Flip_ROTATE ").Ops.Should().Equal([AugmentationOp.Flip, AugmentationOp.Rotate]);

    [Theory]
    [InlineData("crop_blur", "unknown operation 'blur'")]
    [InlineData("crop__flip", "empty operation name")]
    public void UnknownOperationIsAUserErrorListingTheValidOnes(string text, string what)
    {
        var error = FluentActions.Invoking(() => AugmentationStrategy.Parse(text)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain(what);
        error.Message.Should().Contain("color, crop, cutout, flip, scale, rotate");
    }
}
