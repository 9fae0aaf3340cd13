using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

public sealed class ProtocolDiffTests
{
    [Fact]
    public void EachChangedSettingIsNamedWithItsOldAndNewValue() =>
        ProtocolDiff.Describe("""{"Epochs":1,"Networks":2,"Augmentation":"none"}""", """{"Epochs":3,"Networks":2,"Augmentation":"dsa"}""")
            .Should().Be("Epochs 1 (now 3); Augmentation none (now dsa)");

    [Fact]
    public void ASettingOnOneSideOnlyShowsAsNone() =>
        ProtocolDiff.Describe("""{"Epochs":1}""", """{"Epochs":1,"Set":"dm-a"}""").Should().Be("Set (none) (now dm-a)");

    [Fact]
    public void UnreadableSettingsAreSaidToBeUnrecorded() =>
        ProtocolDiff.Describe(string.Empty, """{"Epochs":1}""").Should().Be("its settings were not recorded");
}
