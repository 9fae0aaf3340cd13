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

        Assert.Empty(Validate(dc));
        Assert.Empty(Validate(dsa));
        Assert.Equal((256, 0.1, 0.5, 0.01, "wb"), (dc.BatchReal, dc.LearningRateImages, dc.Momentum, dc.LearningRateNetwork, dc.Distance));
        Assert.Equal("noise", dc.Init);
        Assert.Equal("real", dsa.Init);
        Assert.Equal("color_crop_cutout_flip_scale_rotate", dsa.Augmentation);
    }

    [Fact]
    public void BadValuesAreRejectedNamingTheSetting()
    {
        Assert.Contains(nameof(DcOptions.Distance), Validate(new DcOptions { Distance = "euclid" }).SelectMany(r => r.MemberNames));
        Assert.Contains(nameof(DcOptions.Init), Validate(new DcOptions { Init = "zeros" }).SelectMany(r => r.MemberNames));
        Assert.Contains(nameof(DcOptions.LearningRateImages), Validate(new DcOptions { LearningRateImages = 0 }).SelectMany(r => r.MemberNames));
        Assert.Contains(nameof(DcOptions.LearningRateNetwork), Validate(new DcOptions { LearningRateNetwork = -1 }).SelectMany(r => r.MemberNames));
        var augmentation = Validate(new DsaOptions { Augmentation = "crop_blur" });
        Assert.Contains(nameof(DsaOptions.Augmentation), augmentation.SelectMany(r => r.MemberNames));
        Assert.Contains("blur", augmentation.Single().ErrorMessage);
    }

    [Fact]
    public async Task AMethodGivenAnUnknownDistanceFailsBeforeAnyWork()
    {
        using var problem = MatchingProblem.Create();
        var method = MatchingProblem.Method("dc", o => o.Distance = "euclid");
        var error = await Assert.ThrowsAsync<UserErrorException>(() => method.DistillAsync(problem.Request(), CancellationToken.None));
        Assert.Contains("euclid", error.Message);
    }

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
