using System.Text.Json.Nodes;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary>What a set's files are called and where they go: exports into a folder, pictures of long names, a picture that cannot be written.</summary>
public sealed class SetOutputTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ExportingIntoAFolderWritesNAMEPtThere()
    {
        await DistillAsync("into-folder");
        var folder = _temp.Combine("exports");
        Directory.CreateDirectory(folder);

        var export = await RunAsync("sets", "export", "into-folder", folder);

        export.ExitCode.Should().Be(0, export.Error);
        var file = Path.Combine(folder, "into-folder.pt");
        ((string?)JsonNode.Parse(export.Out)!["file"]).Should().Be(file);
        File.Exists(file).Should().BeTrue();
        var import = await RunAsync("sets", "import", file, "--name", "back", "--dataset", "fashion-mnist");
        import.ExitCode.Should().Be(0, import.Error);
    }

    [Fact]
    public async Task ExportingBelowAFileIsAUserError()
    {
        await DistillAsync("nowhere");
        var blocker = _temp.Combine("a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var export = await RunAsync("sets", "export", "nowhere", Path.Combine(blocker, "x.pt"));

        export.ExitCode.Should().Be(2, export.Error);
        export.Error.Should().Contain("cannot write").And.NotContain("internal failure");
    }

    [Fact]
    public async Task A300CharacterNameIsStoredAndDrawnUnderAShortenedFileName()
    {
        var name = new string('n', 300);

        var distill = await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", "--name", name);

        distill.ExitCode.Should().Be(0, distill.Error);
        var png = (string?)JsonNode.Parse(distill.Out)!["png"];
        png.Should().NotBeNull();
        File.Exists(png).Should().BeTrue();
        Path.GetFileName(png)!.Length.Should().BeLessThan(255);
        var list = await RunAsync("sets", "list");
        JsonNode.Parse(list.Out)!.AsArray().Select(s => (string?)s!["name"]).Should().Equal(name);
        var export = await RunAsync("sets", "export", name, _temp.Path);
        export.ExitCode.Should().Be(0, export.Error);
    }

    [Fact]
    public async Task APictureThatCannotBeWrittenIsAWarningAndTheStoredSetASuccess()
    {
        var blocker = _temp.Combine("a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var distill = await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", "--name", "kept", "--out", Path.Combine(blocker, "kept.png"));

        distill.ExitCode.Should().Be(0, distill.Error);
        distill.Error.Should().Contain("warning:").And.Contain("the set kept is stored").And.Contain("sets show kept --out");
        JsonNode.Parse(distill.Out)!["png"].Should().BeNull();
        var list = await RunAsync("sets", "list");
        JsonNode.Parse(list.Out)!.AsArray().Select(s => (string?)s!["name"]).Should().Equal("kept");
    }

    private async Task DistillAsync(string name)
    {
        var distill = await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", "--name", name);
        distill.ExitCode.Should().Be(0, distill.Error);
    }

    private Task<HostRun> RunAsync(params string[] args) => HostRun.StartAsync(
    [
        .. args,
        "--output", "json",
        "--workspace", _temp.Combine("work.db"),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
    ]);
}
