using System.Text.Json.Nodes;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary>A workspace and a plugins folder under paths with spaces (as on Windows: C:\Users\Jane Doe\...) work.</summary>
public sealed class PathsWithSpacesTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AWorkspaceAndAPluginsFolderWhosePathsHaveSpacesWork()
    {
        var folder = _temp.Folder("My Documents", "distillery runs");
        var workspace = Path.Combine(folder, "my workspace.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Workspace", "workspace-v0.1.db"), workspace);
        var plugins = Path.Combine(folder, "my plugins");
        RepositoryPaths.CopyDirectory(Path.Combine(RepositoryPaths.BuiltInPlugins, "Distillery.Datasets"), Path.Combine(plugins, "Datasets Plugin"));

        var listed = await HostRun.StartAsync(["plugins", "--output", "json", "--plugins", plugins, "--Plugins:BuiltIn=false"]);
        var sets = await HostRun.StartAsync(["sets", "list", "--output", "json", "--workspace", workspace, "--plugins", plugins]);

        listed.ExitCode.Should().Be(0, listed.Error);
        var rows = JsonNode.Parse(listed.Out)!.AsArray().Select(row => row!.AsObject()).ToList();
        rows.Should().NotBeEmpty().And.OnlyContain(row => (string?)row["plugin"] == "distillery.datasets" && (string?)row["status"] == "Active");
        rows.Select(row => (string?)row["folder"]).Should().OnlyContain(path => path!.StartsWith(plugins, StringComparison.Ordinal));
        sets.ExitCode.Should().Be(0, sets.Error);
        sets.Out.Should().Contain("herding-fm-ipc2").And.Contain("dm-soft-lr");
    }
}
