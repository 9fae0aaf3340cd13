using System.ComponentModel.DataAnnotations;
using Distillery.Methods.DistributionMatching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Methods.DistributionMatching;

public sealed class DistributionMatchingOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_follow_the_reference()
    {
        var options = new DistributionMatchingOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(256, options.BatchReal);
        Assert.Equal(1.0, options.LearningRateImages);
        Assert.Equal(0.5, options.Momentum);
        Assert.Equal(SyntheticInit.Real, options.Init);
        Assert.Equal("color_crop_cutout_flip_scale_rotate", options.Augmentation);
    }

    [Theory]
    [InlineData(nameof(DistributionMatchingOptions.Iterations), 0)]
    [InlineData(nameof(DistributionMatchingOptions.BatchReal), 0)]
    [InlineData(nameof(DistributionMatchingOptions.LearningRateImages), 0.0)]
    [InlineData(nameof(DistributionMatchingOptions.LearningRateImages), -1.0)]
    [InlineData(nameof(DistributionMatchingOptions.Momentum), 1.0)]
    [InlineData(nameof(DistributionMatchingOptions.Momentum), -0.1)]
    [InlineData(nameof(DistributionMatchingOptions.CheckpointEvery), 0)]
    public void Out_of_range_settings_are_rejected(string property, object value)
    {
        var options = new DistributionMatchingOptions();
        var target = typeof(DistributionMatchingOptions).GetProperty(property)!;
        target.SetValue(options, Convert.ChangeType(value, target.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(property));
    }

    [Fact]
    public void An_unknown_augmentation_is_rejected_at_start_up_with_the_valid_names()
    {
        var services = new ServiceCollection();
        services.AddOptions<DistributionMatchingOptions>()
            .Configure(o => o.Augmentation = "color_warp")
            .ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DistributionMatchingOptions>>().Value);

        Assert.Contains("warp", error.Message);
        Assert.Contains("rotate", error.Message);
    }

    [Fact]
    public async Task An_unknown_augmentation_is_a_user_error_at_run_start()
    {
        using var data = TwoClassProblem.Create(trainCount: 10, testCount: 2);
        var options = DmRuns.Options(iterations: 1, augmentation: "color_warp");
        var networks = new SmallConvNets();

        var error = await Assert.ThrowsAsync<UserErrorException>(() => DmRuns.RunAsync(options, DmRuns.Request(data), networks));

        Assert.Contains("Methods:dm:Augmentation", error.Message);
        Assert.Contains("warp", error.Message);
        Assert.Equal(0, networks.Created);
    }

    [Fact]
    public void None_is_a_valid_augmentation()
    {
        Assert.Empty(Validate(new DistributionMatchingOptions { Augmentation = "none" }));
    }

    private static List<ValidationResult> Validate(DistributionMatchingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
