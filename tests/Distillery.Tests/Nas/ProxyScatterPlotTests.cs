using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

public sealed class ProxyScatterPlotTests
{
    [Fact]
    public void AShortLabelIsOneTitleLine() =>
        ProxyScatterPlot.TitleLines("set (Set=a, Augmentation=none)").Should().Equal("set (Set=a, Augmentation=none)");

    [Fact]
    public void ACombinationBreaksAfterEachPlusAndALongLabelAfterACommaSoThatNoLineIsWiderThanTheTitle()
    {
        var label = "set (Set=dm-ipc10-lr3, Augmentation=color_crop_cutout_flip_scale_rotate) + early-stop";

        var lines = ProxyScatterPlot.TitleLines(label).ToList();

        lines.Should().Equal("set (Set=dm-ipc10-lr3,", "Augmentation=color_crop_cutout_flip_scale_rotate) +", "early-stop");
        string.Join(' ', lines).Should().Be(label);
    }
}
