using System.ComponentModel.DataAnnotations;
using Distillery.Methods.KernelRegression;

namespace Distillery.Tests.Methods.KernelRegression;

public sealed class KernelRegressionOptionsTests
{
    [Fact]
    public void TheDefaultsAreValid() => Validate(new KernelRegressionOptions()).Should().BeEmpty();

    [Theory]
    [InlineData(nameof(KernelRegressionOptions.Ridge), 0.0)]
    [InlineData(nameof(KernelRegressionOptions.PoolSize), 0)]
    [InlineData(nameof(KernelRegressionOptions.MaxOnlineSteps), 0)]
    [InlineData(nameof(KernelRegressionOptions.LabelConfidence), 1.0)]
    [InlineData(nameof(KernelRegressionOptions.LearningRateImages), -1.0)]
    [InlineData(nameof(KernelRegressionOptions.Factor), 5)]
    [InlineData(nameof(KernelRegressionOptions.MomentumNetwork), 1.0)]
    public void AValueOutOfRangeIsRefusedAndNamed(string setting, object value)
    {
        var options = new KernelRegressionOptions();
        var property = typeof(KernelRegressionOptions).GetProperty(setting)!;
        property.SetValue(options, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        Validate(options).Should().ContainSingle().Which.MemberNames.Should().Equal(setting);
    }

    [Fact]
    public void AnUnknownAugmentationIsRefusedAndParsingNamesTheSetting()
    {
        Validate(new KernelRegressionOptions { Augmentation = "warp" }).Should().ContainSingle().Which.MemberNames.Should().Equal("Augmentation");
        var parse = () => new KernelRegressionOptions { Augmentation = "warp" }.ParseAugmentation();
        parse.Should().Throw<UserErrorException>().WithMessage("Methods:frepo:Augmentation*");
    }

    private static List<ValidationResult> Validate(KernelRegressionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
