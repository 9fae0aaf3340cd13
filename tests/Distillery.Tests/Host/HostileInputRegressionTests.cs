namespace Distillery.Tests.Host;

/// <summary>Cases the hostile-input property found, kept as plain tests.</summary>
public sealed class HostileInputRegressionTests
{
    [Theory]
    [InlineData("--Logging:LogLevel:Default='0\\")]
    [InlineData("--Logging:Console:LogLevel:Distillery=loud")]
    public async Task AnUnknownLogLevelIsAUserErrorNamingTheKey(string setting)
    {
        var run = await HostRun.StartAsync(["plugins", setting, "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(setting[2..setting.IndexOf('=', StringComparison.Ordinal)]).And.Contain("Warning");
    }

    [Fact]
    public async Task AKeyGivenTwiceOnTheCommandLineTakesTheLastValue()
    {
        var run = await HostRun.StartAsync(
            ["plugins", "show", "dm", "--output", "json", "--Methods:dm:Iterations=5", "--methods:DM:iterations=7", "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        var iterations = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!["options"]!.AsArray().Single(o => (string?)o!["key"] == "Iterations")!;
        ((string?)iterations["current"]).Should().Be("7");
    }

    [Theory]
    [InlineData("--=")]
    [InlineData("--=x")]
    public async Task AnOptionWithNoNameBeforeTheEqualsSignIsAUserError(string argument)
    {
        var run = await HostRun.StartAsync(["plugins", argument, "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain($"'{argument}'").And.Contain("--Section:Key=value");
    }

    [Theory]
    [InlineData("sets")]
    [InlineData("runs")]
    [InlineData("memory")]
    public async Task AGroupWithoutOneOfItsCommandsShowsItsHelpAndIsAUserError(string group)
    {
        var run = await HostRun.StartAsync([group, "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Out.Should().Contain("COMMANDS:");
        run.Error.Should().Contain($"'{group}' needs one of its commands");
    }
}
