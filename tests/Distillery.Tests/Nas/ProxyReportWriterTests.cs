using Distillery.Nas.Reports;

namespace Distillery.Tests.Nas;

public sealed class ProxyReportWriterTests
{
    [Fact]
    public void AShortLabelBecomesItsSafeName() =>
        ProxyReportWriter.PlotName("subset + early-stop").Should().Be("subset---early-stop");

    [Fact]
    public void LongLabelsAreCutWithAHashSoThatEachKeepsItsOwnFile()
    {
        const string Start = "set (Set=dm-ipc10-lr3, Augmentation=color_crop_cutout_flip_scale_rotate) + set (Set=dsa-ipc10-w64, ";
        var first = ProxyReportWriter.PlotName(Start + "Augmentation=none)");
        var second = ProxyReportWriter.PlotName(Start + "Augmentation=flip)");

        first.Length.Should().Be(ProxyReportWriter.MaxPlotName);
        second.Length.Should().Be(ProxyReportWriter.MaxPlotName);
        first.Should().StartWith("set--set-dm-ipc10-lr3--augmentation-").And.MatchRegex("-[0-9a-f]{12}$");
        second.Should().NotBe(first);
    }
}
