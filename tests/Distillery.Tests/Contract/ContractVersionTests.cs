using System.Text.Json.Nodes;
using Distillery.Plugins;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Contract;

/// <summary>
/// A plugin built against contract 1.x — the sample plugin compiled from its source as it stood before contract 2.0,
/// kept as a fixture — is refused at start-up with both versions named; the host and the other plugins carry on.
/// </summary>
public sealed class ContractVersionTests : IDisposable
{
    private const string Sample = "Distillery.Samples.ClassMean";
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plugins", "contract-1.0", Sample);
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheHostSpeaksContract24()
    {
        DistilleryContract.Version.Should().Be(new Version(2, 4));
        typeof(IDistilleryPlugin).Assembly.GetName().Version!.Major.Should().Be(2);
    }

    [Fact]
    public async Task APluginBuiltAgainstContract1IsRefusedNamingBothVersions()
    {
        var plugins = _temp.Combine("plugins");
        RepositoryPaths.CopyDirectory(Path.Combine(RepositoryPaths.BuiltInPlugins, "Distillery.Datasets"), Path.Combine(plugins, "Distillery.Datasets"));
        RepositoryPaths.CopyDirectory(Fixture, Path.Combine(plugins, Sample));

        var run = await HostRun.StartAsync(["plugins", "--output", "json", "--plugins", plugins]);

        run.ExitCode.Should().Be(0, run.Error);
        var rows = JsonNode.Parse(run.Out)!.AsArray().Select(row => row!.AsObject()).ToList();
        var sample = rows.Single(row => (string?)row["plugin"] == "samples.class-mean");
        ((string?)sample["status"]).Should().Be("NotSupported");
        ((string?)sample["reason"]).Should().Contain("contract 1.0").And.Contain($"contract {DistilleryContract.Version}");
        rows.Where(row => (string?)row["plugin"] == "distillery.datasets").Should().NotBeEmpty()
            .And.OnlyContain(row => (string?)row["status"] == "Active");
    }
}
