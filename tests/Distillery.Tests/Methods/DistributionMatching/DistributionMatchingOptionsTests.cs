using System.ComponentModel.DataAnnotations;
using Distillery.Methods.DistributionMatching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Methods.DistributionMatching;

public sealed class DistributionMatchingOptionsTests
{
    [Fact]
    public void TheDefaultsAreValidAndFollowTheReference()
    {
        var options = new DistributionMatchingOptions();

        Validate(options).Should().BeEmpty();
        options.BatchReal.Should().Be(256);
        options.LearningRateImages.Should().Be(1.0);
        options.Momentum.Should().Be(0.5);
        options.Init.Should().Be(SyntheticInit.Real);
        options.Augmentation.Should().Be("color_crop_cutout_flip_scale_rotate");
    }

    [Theory]
    [InlineData(nameof(DistributionMatchingOptions.Iterations), 0)]
    [InlineData(nameof(DistributionMatchingOptions.BatchReal), 0)]
    [InlineData(nameof(DistributionMatchingOptions.LearningRateImages), 0.0)]
    [InlineData(nameof(DistributionMatchingOptions.LearningRateImages), -1.0)]
    [InlineData(nameof(DistributionMatchingOptions.Momentum), 1.0)]
    [InlineData(nameof(DistributionMatchingOptions.Momentum), -0.1)]
    [InlineData(nameof(DistributionMatchingOptions.CheckpointEvery), 0)]
    public void OutOfRangeSettingsAreRejected(string property, object value)
    {
        var options = new DistributionMatchingOptions();
        var target = typeof(DistributionMatchingOptions).GetProperty(property)!;
        target.SetValue(options, Convert.ChangeType(value, target.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var errors = Validate(options);

        errors.Should().Contain(e => e.MemberNames.Contains(property));
    }

    [Fact]
    public void AnUnknownAugmentationIsRejectedAtStartUpWithTheValidNames()
    {
        var services = new ServiceCollection();
        services.AddOptions<DistributionMatchingOptions>()
            .Configure(o => o.Augmentation = "color_warp")
            .ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();

        var error = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<DistributionMatchingOptions>>().Value).Should().ThrowExactly<OptionsValidationException>().Which;

        error.Message.Should().Contain("warp");
        error.Message.Should().Contain("rotate");
    }

    [Fact]
    public async Task AnUnknownAugmentationIsAUserErrorAtRunStart()
    {
        using var data = TwoClassProblem.Create(trainCount: 10, testCount: 2);
        var options = DmRuns.Options(iterations: 1, augmentation: "color_warp");
        var networks = new SmallConvNets();

        var error = (await FluentActions.Awaiting(() => DmRuns.RunAsync(options, DmRuns.Request(data), networks)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("Methods:dm:Augmentation");
        error.Message.Should().Contain("warp");
        networks.Created.Should().Be(0);
    }

    [Fact]
    public void NoneIsAValidAugmentation()
    {
        Validate(new DistributionMatchingOptions { Augmentation = "none" }).Should().BeEmpty();
    }

    private static List<ValidationResult> Validate(DistributionMatchingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
