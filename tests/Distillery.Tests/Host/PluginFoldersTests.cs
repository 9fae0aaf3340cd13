using System.Text.Json.Nodes;
using Distillery.Tests.Contract;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary><c>--plugins</c> adds folders to the built-in one; a missing folder, a loose DLL and a second copy are explained.</summary>
public sealed class PluginFoldersTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AFolderGivenWithPluginsAddsToTheBuiltInOnes()
    {
        var extra = KeyedPlugin.Create(_temp.Combine("extra"), defaultLevel: 1);
        Directory.Delete(Path.Combine(extra, "Distillery.Datasets"), recursive: true);
        Directory.Delete(Path.Combine(extra, "Distillery.Architectures"), recursive: true);

        var rows = await PluginRowsAsync($"--Plugins:Path={RepositoryPaths.BuiltInPlugins}", "--plugins", extra);

        rows.Select(row => (string?)row["name"]).Should().Contain(["keyed", "fashion-mnist", "convnet", "dm"]);
        rows.Should().OnlyContain(row => (string?)row["status"] == "Active");
    }

    [Fact]
    public async Task TheBuiltInFolderCanBeLeftOut()
    {
        var extra = KeyedPlugin.Create(_temp.Combine("extra"), defaultLevel: 1);

        var rows = await PluginRowsAsync($"--Plugins:Path={RepositoryPaths.BuiltInPlugins}", "--Plugins:BuiltIn=false", "--plugins", extra);

        rows.Select(row => (string?)row["plugin"]).Distinct().Should().BeEquivalentTo(["tests.keyed", "distillery.datasets", "distillery.architectures"]);
    }

    [Fact]
    public async Task AMissingFolderIsAUserErrorNamingIt()
    {
        var missing = _temp.Combine("no-such-folder");

        var run = await HostRun.StartAsync(["plugins", "--plugins", missing]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(missing).And.Contain("does not exist");
    }

    [Fact]
    public async Task ADllPutDirectlyInAPluginsFolderIsReportedWithTheLayoutItNeeds()
    {
        var extra = KeyedPlugin.Create(_temp.Combine("extra"), defaultLevel: 1);
        File.Copy(Path.Combine(extra, "Tests.Keyed", "Tests.Keyed.dll"), Path.Combine(extra, "Loose.dll"));

        var run = await HostRun.StartAsync(["plugins", "--output", "json", "--Plugins:BuiltIn=false", "--plugins", extra]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("Loose.dll").And.Contain(Path.Combine(extra, "Loose", "Loose.dll"));
    }

    [Fact]
    public async Task ASecondCopyOfAPluginNamesTheFolderOfTheCopyInUse()
    {
        var first = KeyedPlugin.Create(_temp.Combine("first"), defaultLevel: 1);
        var second = KeyedPlugin.Create(_temp.Combine("second"), defaultLevel: 2);

        var rows = await PluginRowsAsync("--Plugins:BuiltIn=false", "--plugins", first, "--plugins", second);

        var keyed = rows.Where(row => (string?)row["plugin"] == "tests.keyed").ToList();
        keyed.Select(row => (string?)row["status"]).Should().Equal("Active", "Duplicate");
        ((string?)keyed[0]["folder"]).Should().Be(Path.Combine(first, "Tests.Keyed"));
        ((string?)keyed[1]["folder"]).Should().Be(Path.Combine(second, "Tests.Keyed"));
        ((string?)keyed[1]["reason"]).Should().Contain(Path.Combine(first, "Tests.Keyed"));
    }

    private static async Task<List<JsonObject>> PluginRowsAsync(params string[] extra)
    {
        var run = await HostRun.StartAsync(["plugins", "--output", "json", .. extra]);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonNode.Parse(run.Out)!.AsArray().Select(row => row!.AsObject()).ToList();
    }
}
