namespace Distillery.Tests.Host;

/// <summary>The top-level help shows the global options and how to set any configuration key.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData(null)]
    public async Task TopLevelHelpShowsTheGlobalOptionsAndTheConfigurationForms(string? argument)
    {
        var run = await HostRun.StartAsync(argument is null ? ["--plugins", RepositoryPaths.BuiltInPlugins] : [argument, "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("GLOBAL OPTIONS");
        foreach (var option in new[] { "--output <FORMAT>", "--device <DEVICE>", "--workspace <PATH>", "--plugins <PATH>", "-v, --verbose", "--allow-unknown-settings" })
        {
            run.Out.Should().Contain(option);
        }

        run.Out.Should().Contain("--Section:Key=value").And.Contain("DISTILLERY_Section__Key=value")
            .And.Contain("appsettings.json").And.Contain("run FILE.json")
            .And.Contain("--Methods:dm:Iterations=200").And.Contain("plugins show dm");
    }

    [Fact]
    public async Task ACommandSHelpKeepsItsOwnOptionsWithoutTheTopLevelSections()
    {
        var run = await HostRun.StartAsync(["plugins", "show", "--help", "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("<NAME>").And.Contain("--kind");
        run.Out.Should().NotContain("CONFIGURATION EXAMPLES");
    }
}
