using Distillery.Nas.Commands;

namespace Distillery.Tests.Nas;

public sealed class CombinationListTests
{
    [Fact]
    public void CommasAndPlusSignsInsideALabelsParenthesesStayInTheLabel()
    {
        var combinations = CombinationList.Parse(
            "set (Set=a, Augmentation=none)+early-stop, set (Set=a, Augmentation=none)+set (Set=b+c, Augmentation=flip)+naswot");

        combinations.Should().HaveCount(2);
        combinations[0].Should().Equal(["set (Set=a, Augmentation=none)", "early-stop"]);
        combinations[1].Should().Equal(["set (Set=a, Augmentation=none)", "set (Set=b+c, Augmentation=flip)", "naswot"]);
    }

    [Fact]
    public void NothingGivesNoCombination() => CombinationList.Parse(null).Should().BeEmpty();

    [Theory]
    [InlineData("set (Set=a, Augmentation=none)")]
    [InlineData("set+")]
    public void AProxyAloneIsRefusedNamingIt(string combine)
    {
        var parse = () => CombinationList.Parse(combine);

        parse.Should().Throw<UserErrorException>().WithMessage($"*got '{combine}'*");
    }
}
