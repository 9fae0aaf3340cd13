using Distillery.Host.Cli;

namespace Distillery.Tests.Host;

public sealed class HostArgumentsTests
{
    [Fact]
    public void TakesOutSettingsAndGlobalOptionsAnywhere()
    {
        var parsed = HostArguments.Parse(
            ["--verbose", "distill", "--method", "dm", "--Methods:dm:Iterations=20", "--device=cpu", "--output", "json", "--workspace", "w.db", "--ipc", "1"]);

        parsed.CommandArguments.Should().Equal(["distill", "--method", "dm", "--ipc", "1"]);
        parsed.Output.Should().Be(OutputFormat.Json);
        parsed.Verbose.Should().BeTrue();
        parsed.Command.Should().Be("distill");
        parsed.Settings.Should().Equal([new("Methods:dm:Iterations", "20"), new("Distillery:Device", "cpu"), new KeyValuePair<string, string?>("Workspace:Path", "w.db")]);
    }

    [Fact]
    public void FindsTheExperimentFileOfRun()
    {
        var parsed = HostArguments.Parse(["run", "--plugins", "p", "exp.json"]);

        parsed.Command.Should().Be("run");
        parsed.FirstArgument.Should().Be("exp.json");
    }

    [Theory]
    [InlineData("--Methods:dm:Iterations")]
    [InlineData("--device")]
    [InlineData("--output=xml")]
    public void RejectsMalformedGlobalArguments(string arg)
    {
        FluentActions.Invoking(() => HostArguments.Parse(["plugins", arg])).Should().ThrowExactly<UserErrorException>();
    }
}
