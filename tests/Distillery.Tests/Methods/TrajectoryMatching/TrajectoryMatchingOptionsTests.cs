using System.ComponentModel.DataAnnotations;
using Distillery.Methods.TrajectoryMatching;

namespace Distillery.Tests.Methods.TrajectoryMatching;

public sealed class TrajectoryMatchingOptionsTests
{
    [Fact]
    public void TheDefaultsAreValid() => Validate(new MttOptions()).Should().BeEmpty();

    [Fact]
    public void AStartWhoseTargetLiesPastTheTrajectoryIsRefused()
    {
        var results = Validate(new TeslaOptions { MaxStartEpoch = 11, ExpertEpochs = 2, ExpertTrainingEpochs = 12 });
        results.Should().ContainSingle().Which.ErrorMessage.Should().Contain("ExpertTrainingEpochs");
    }

    [Fact]
    public void AnUnknownAugmentationIsRefusedAndParsingNamesTheSetting()
    {
        Validate(new MttOptions { ExpertAugmentation = "warp" }).Should().ContainSingle().Which.MemberNames.Should().Equal("ExpertAugmentation");
        var parse = () => new TeslaOptions { Augmentation = "warp" }.ParseAugmentation();
        parse.Should().Throw<UserErrorException>().WithMessage("Methods:tesla:Augmentation*");
    }

    [Fact]
    public void SettingsSayTheirMethodsSection() => new TeslaOptions().Setting("LearningRateImages").Should().Be("--Methods:tesla:LearningRateImages");

    private static List<ValidationResult> Validate(TrajectoryMatchingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
