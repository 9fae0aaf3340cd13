using System.Text.Json.Nodes;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary><c>runs list</c> and <c>runs show</c> read the run records a distillation leaves.</summary>
public sealed class RunsCommandTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AFinishedDistillationIsListedAndShownWithItsSettings()
    {
        var distill = await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", "--seed", "3", "--name", "picked");
        distill.ExitCode.Should().Be(0, distill.Error);
        var id = (string)JsonNode.Parse(distill.Out)!["run"]!;

        var list = await RunAsync("runs", "list");
        list.ExitCode.Should().Be(0, list.Error);
        var run = JsonNode.Parse(list.Out)!.AsArray().Should().ContainSingle().Subject!.AsObject();
        ((string?)run["id"]).Should().Be(id);
        ((string?)run["kind"]).Should().Be("distill");
        ((string?)run["status"]).Should().Be("completed");
        ((string?)run["set"]).Should().Be("picked");
        ((double?)run["seconds"]).Should().BeGreaterThanOrEqualTo(0);

        var show = await RunAsync("runs", "show", id[..12]);
        show.ExitCode.Should().Be(0, show.Error);
        var settings = JsonNode.Parse(show.Out)!["settings"]!;
        ((string?)settings["method"]).Should().Be("random");
        ((long?)settings["seed"]).Should().Be(3);
        settings["options"].Should().BeOfType<JsonObject>();
    }

    [Fact]
    public async Task AnUnknownRunIsAUserErrorThatPointsToTheList()
    {
        var show = await RunAsync("runs", "show", "distill-nothing");

        show.ExitCode.Should().Be(2);
        show.Error.Should().Contain("distill-nothing").And.Contain("runs list");
    }

    private Task<HostRun> RunAsync(params string[] args) => HostRun.StartAsync(
    [
        .. args,
        "--output", "json",
        .. FixtureHost.Arguments(_temp),
    ]);
}
