using System.Text.Json.Nodes;
using Distillery.Tests.Host;

namespace Distillery.Tests.Nas;

public sealed class NasPluginTests
{
    [Theory]
    [InlineData("evolution", "Population", "10")]
    [InlineData("evolution", "SampleSize", "3")]
    [InlineData("halving", "Eta", "3")]
    public async Task TheStrategiesAreRegisteredWithTheirSettings(string strategy, string setting, string defaultValue)
    {
        var run = await HostRun.StartAsync(["plugins", "show", strategy, "--output", "json", "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        var document = JsonNode.Parse(run.Out)!;
        ((string?)document["kind"]).Should().Be("search-strategy");
        var option = document["options"]!.AsArray().Single(o => (string?)o!["key"] == setting)!;
        ((string?)option["default"]).Should().Be(defaultValue);
    }
}
