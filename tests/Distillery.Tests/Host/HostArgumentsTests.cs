using Distillery.Host.Cli;

namespace Distillery.Tests.Host;

public sealed class HostArgumentsTests
{
    [Fact]
    public void TakesOutSettingsAndGlobalOptionsAnywhere()
    {
        var parsed = HostArguments.Parse(
            ["--verbose", "distill", "--method", "dm", "--Methods:dm:Iterations=20", "--device=cpu", "--output", "json", "--workspace", "w.db", "--ipc", "1"]);

        Assert.Equal(["distill", "--method", "dm", "--ipc", "1"], parsed.CommandArguments);
        Assert.Equal(OutputFormat.Json, parsed.Output);
        Assert.True(parsed.Verbose);
        Assert.Equal("distill", parsed.Command);
        Assert.Equal(
            [new("Methods:dm:Iterations", "20"), new("Distillery:Device", "cpu"), new KeyValuePair<string, string?>("Workspace:Path", "w.db")],
            parsed.Settings);
    }

    [Fact]
    public void FindsTheExperimentFileOfRun()
    {
        var parsed = HostArguments.Parse(["run", "--plugins", "p", "exp.json"]);

        Assert.Equal("run", parsed.Command);
        Assert.Equal("exp.json", parsed.FirstArgument);
    }

    [Theory]
    [InlineData("--Methods:dm:Iterations")]
    [InlineData("--device")]
    [InlineData("--output=xml")]
    public void RejectsMalformedGlobalArguments(string arg)
    {
        Assert.Throws<UserErrorException>(() => HostArguments.Parse(["plugins", arg]));
    }
}
