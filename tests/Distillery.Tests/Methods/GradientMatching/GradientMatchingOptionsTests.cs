using System.ComponentModel.DataAnnotations;
using Distillery.Methods.GradientMatching;

namespace Distillery.Tests.Methods.GradientMatching;

public sealed class GradientMatchingOptionsTests
{
    [Fact]
    public void DefaultsAreTheReferenceHyperparameters()
    {
        var dc = new DcOptions();
        var dsa = new DsaOptions();

        Validate(dc).Should().BeEmpty();
        Validate(dsa).Should().BeEmpty();
        (dc.BatchReal, dc.LearningRateImages, dc.Momentum, dc.LearningRateNetwork, dc.Distance).Should().Be((256, 0.1, 0.5, 0.01, "wb"));
        dc.Init.Should().Be("noise");
        dsa.Init.Should().Be("real");
        dsa.Augmentation.Should().Be("color_crop_cutout_flip_scale_rotate");
    }

    [Fact]
    public void BadValuesAreRejectedNamingTheSetting()
    {
        Validate(new DcOptions { Distance = "euclid" }).SelectMany(r => r.MemberNames).Should().Contain(nameof(DcOptions.Distance));
        Validate(new DcOptions { Init = "zeros" }).SelectMany(r => r.MemberNames).Should().Contain(nameof(DcOptions.Init));
        Validate(new DcOptions { LearningRateImages = 0 }).SelectMany(r => r.MemberNames).Should().Contain(nameof(DcOptions.LearningRateImages));
        Validate(new DcOptions { LearningRateNetwork = -1 }).SelectMany(r => r.MemberNames).Should().Contain(nameof(DcOptions.LearningRateNetwork));
        var augmentation = Validate(new DsaOptions { Augmentation = "crop_blur" });
        augmentation.SelectMany(r => r.MemberNames).Should().Contain(nameof(DsaOptions.Augmentation));
        augmentation.Single().ErrorMessage.Should().Contain("blur");
    }

    [Fact]
    public async Task AMethodGivenAnUnknownDistanceFailsBeforeAnyWork()
    {
        using var problem = MatchingProblem.Create();
        var method = MatchingProblem.Method("dc", o => o.Distance = "euclid");
        var error = (await FluentActions.Awaiting(() => method.DistillAsync(problem.Request(), CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;
        error.Message.Should().Contain("euclid");
    }

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
