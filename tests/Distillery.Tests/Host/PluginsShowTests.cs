using System.Text.Json.Nodes;

namespace Distillery.Tests.Host;

/// <summary><c>plugins show NAME</c>: a component's settings with types, defaults, allowed values and descriptions.</summary>
public sealed class PluginsShowTests
{
    private static string[] Plugins(params string[] args) => [.. args, "--plugins", RepositoryPaths.BuiltInPlugins];

    [Fact]
    public async Task ShowAsJsonListsEverySettingWithTypeDefaultRangeAndDescription()
    {
        var run = await HostRun.StartAsync(Plugins("plugins", "show", "dm", "--output", "json"));

        run.ExitCode.Should().Be(0, run.Error);
        var document = JsonNode.Parse(run.Out)!.AsObject();
        ((string?)document["kind"]).Should().Be("method");
        ((string?)document["name"]).Should().Be("dm");
        ((string?)document["section"]).Should().Be("Methods:dm");
        ((string?)document["plugin"]).Should().NotBeNullOrEmpty();
        ((string?)document["help"]).Should().NotBeNullOrEmpty();
        var options = document["options"]!.AsArray().Select(o => o!.AsObject()).ToDictionary(o => (string)o["key"]!);
        var iterations = options["Iterations"];
        ((string?)iterations["type"]).Should().Be("whole number");
        ((string?)iterations["default"]).Should().Be("1000");
        ((string?)iterations["allowed"]).Should().Be("1 to 10000000");
        ((string?)iterations["setting"]).Should().Be("Methods:dm:Iterations");
        ((string?)iterations["description"]).Should().Contain("Optimizer steps");
        iterations.ContainsKey("current").Should().BeFalse();
        ((string?)options["Init"]["allowed"]).Should().Be("one of Real, Noise");
        ((string?)options["CheckpointEvery"]["description"]).Should().Contain("checkpoint");
    }

    [Fact]
    public async Task ShowGivesTheConfiguredValueWhereItDiffersFromTheDefault()
    {
        var json = await HostRun.StartAsync(Plugins("plugins", "show", "method/dm", "--output", "json", "--Methods:dm:Iterations=7"));
        var text = await HostRun.StartAsync(Plugins("plugins", "show", "dm", "--Methods:dm:Iterations=7"));

        json.ExitCode.Should().Be(0, json.Error);
        var iterations = JsonNode.Parse(json.Out)!["options"]!.AsArray().Single(o => (string?)o!["key"] == "Iterations")!;
        ((string?)iterations["current"]).Should().Be("7");
        ((string?)iterations["default"]).Should().Be("1000");
        text.ExitCode.Should().Be(0, text.Error);
        var table = TextTable.Parse(text.Out);
        table.Header.Should().Equal("Setting", "Type", "Default", "Configured", "Allowed", "Description");
    }

    [Fact]
    public async Task EverySettingOfEveryBuiltInComponentHasADescription()
    {
        var list = await HostRun.StartAsync(Plugins("plugins", "--output", "json"));
        var components = JsonNode.Parse(list.Out)!.AsArray()
            .Where(r => (string?)r!["status"] == "Active" && (string?)r!["kind"] != "plugin")
            .Select(r => $"{(string)r!["kind"]!}/{(string)r!["name"]!}")
            .ToList();
        components.Should().Contain(["method/dm", "method/herding", "architecture/convnet", "scenario/benchmark", "scenario/continual", "dataset/fashion-mnist"]);

        foreach (var component in components)
        {
            var run = await HostRun.StartAsync(Plugins("plugins", "show", component, "--output", "json"));
            run.ExitCode.Should().Be(0, $"{component}: {run.Error}");
            foreach (var option in JsonNode.Parse(run.Out)!["options"]!.AsArray())
            {
                ((string?)option!["description"]).Should().NotBeNullOrWhiteSpace($"{component} {(string?)option["key"]} needs a [Description]");
                ((string?)option["type"]).Should().NotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public async Task AnUnknownNameIsAUserErrorListingTheKnownOnes()
    {
        var run = await HostRun.StartAsync(Plugins("plugins", "show", "dmm"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("dmm").And.Contain("method/dm").And.Contain("architecture/convnet");
    }

    [Fact]
    public async Task PluginsAloneStillListsAndShowWithoutANameIsAUserError()
    {
        var list = await HostRun.StartAsync(Plugins("plugins"));
        var missing = await HostRun.StartAsync(Plugins("plugins", "show"));

        list.ExitCode.Should().Be(0, list.Error);
        TextTable.Parse(list.Out).Header.Should().Equal("Kind", "Name", "Plugin", "Version", "Status", "Help");
        missing.ExitCode.Should().Be(2, missing.Out + missing.Error);
    }
}
