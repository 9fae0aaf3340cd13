using System.IO.Compression;
using System.Text.Json.Nodes;
using Distillery.Tests.Kit;
using LiteDB;

namespace Distillery.Tests.Host;

/// <summary>
/// The workspace through the command line: read commands never change it, damage is reported with the path and what to
/// do, and <c>workspace check</c> and <c>workspace compact</c> look after it.
/// </summary>
public sealed class WorkspaceCommandTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public WorkspaceCommandTests()
    {
        Workspace = _temp.Combine("work.db");
    }

    private string Workspace { get; }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadCommandsLeaveTheFileUnchanged()
    {
        await DistillAsync("one");
        var bytes = await File.ReadAllBytesAsync(Workspace);
        var written = File.GetLastWriteTimeUtc(Workspace);

        foreach (var args in new[]
        {
            new[] { "sets", "list" },
            ["sets", "show", "one", "--out", _temp.Combine("one.png")],
            ["sets", "export", "one", _temp.Combine("one.pt")],
            ["runs", "list"],
            ["workspace", "check"],
        })
        {
            var run = await RunAsync(args);
            run.ExitCode.Should().Be(0, $"{string.Join(' ', args)}: {run.Error}");
            (await File.ReadAllBytesAsync(Workspace)).Should().Equal(bytes, string.Join(' ', args));
            File.GetLastWriteTimeUtc(Workspace).Should().Be(written);
        }
    }

    [Fact]
    public async Task ATruncatedWorkspaceIsReportedWithItsPathAndLeftByteForByteAsItWas()
    {
        await DistillAsync("one");
        await using (var stream = new FileStream(Workspace, FileMode.Open))
        {
            stream.SetLength(stream.Length - 3000);
        }

        var bytes = await File.ReadAllBytesAsync(Workspace);

        foreach (var args in new[] { new[] { "sets", "list" }, ["sets", "show", "one"], ["runs", "list"], ["sets", "export", "one", _temp.Combine("x.pt")] })
        {
            var run = await RunAsync(args);
            run.ExitCode.Should().Be(2, string.Join(' ', args));
            run.Error.Should().Contain(Workspace).And.Contain("damaged").And.Contain("restore it from a copy").And.Contain("distillery workspace check");
            run.Error.Should().NotContain("internal failure").And.NotContain("Page type");
            (await File.ReadAllBytesAsync(Workspace)).Should().Equal(bytes, string.Join(' ', args));
        }

        var check = await RunAsync("workspace", "check");
        check.ExitCode.Should().Be(2);
        ((bool?)JsonNode.Parse(check.Out)!["clean"]).Should().BeFalse();
        (await File.ReadAllBytesAsync(Workspace)).Should().Equal(bytes);
    }

    [Fact]
    public async Task AMissingWorkspaceListsNothingAndIsNotCreated()
    {
        var list = await RunAsync("sets", "list");
        var runs = await RunAsync("runs", "list");
        var check = await RunAsync("workspace", "check");

        list.ExitCode.Should().Be(0, list.Error);
        JsonNode.Parse(list.Out)!.AsArray().Should().BeEmpty();
        runs.ExitCode.Should().Be(0, runs.Error);
        check.ExitCode.Should().Be(2);
        check.Error.Should().Contain($"no workspace at {Workspace}");
        File.Exists(Workspace).Should().BeFalse();
    }

    [Fact]
    public async Task ADirectoryGivenAsTheWorkspaceIsAUserError()
    {
        var folder = _temp.Combine("folder");
        Directory.CreateDirectory(folder);

        var run = await HostRun.StartAsync(["sets", "list", "--workspace", folder]);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("is a directory").And.Contain("--workspace");
    }

    [Fact]
    public async Task CheckListsASetWhoseTensorFailsItsChecksum()
    {
        await DistillAsync("good");
        await DistillAsync("bad", seed: 2);
        var clean = await RunAsync("workspace", "check");
        clean.ExitCode.Should().Be(0, clean.Error);
        var counts = JsonNode.Parse(clean.Out)!["checked"]!;
        ((int?)counts["set"]).Should().Be(2);
        ((int?)counts["run"]).Should().Be(2);

        using (var raw = new LiteDatabase(new ConnectionString { Filename = Workspace, Connection = ConnectionType.Shared }))
        {
            var owner = raw.GetCollection("sets").FindOne(Query.EQ("name", "bad"))["_id"].AsString;
            var chunks = raw.GetCollection("tensor_chunks");
            var chunk = chunks.FindById($"{owner}/images/0");
            var data = chunk["data"].AsBinary;
            data[5] ^= 0x10;
            chunk["data"] = data;
            chunks.Update(chunk).Should().BeTrue();
        }

        var check = await RunAsync("workspace", "check");

        check.ExitCode.Should().Be(2);
        var damaged = JsonNode.Parse(check.Out)!["damaged"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)damaged["kind"]).Should().Be("set");
        ((string?)damaged["name"]).Should().Be("bad");
        ((string?)damaged["problem"]).Should().Contain("SHA-256");
        check.Error.Should().Contain("1 damaged item");

        var compact = await RunAsync("workspace", "compact");
        compact.ExitCode.Should().Be(2);
        compact.Error.Should().Contain("workspace check");
    }

    [Fact]
    public async Task CompactReclaimsWhatReplacedSetsLeftAndKeepsEverySet()
    {
        await DistillAsync("kept");
        for (var seed = 1; seed <= 3; seed++)
        {
            await DistillAsync("replaced", seed, "--overwrite");
        }

        var deleted = await RunAsync("sets", "delete", "kept");
        deleted.ExitCode.Should().Be(0, deleted.Error);
        await DistillAsync("kept", seed: 9);
        var before = await ExportAsync("replaced");

        var compact = await RunAsync("workspace", "compact");

        compact.ExitCode.Should().Be(0, compact.Error);
        var sizes = JsonNode.Parse(compact.Out)!;
        ((long?)sizes["bytesAfter"]).Should().BeLessThan((long)sizes["bytesBefore"]!);
        new FileInfo(Workspace).Length.Should().Be((long)sizes["bytesAfter"]!);
        Directory.GetFiles(_temp.Path, "*compact*").Should().BeEmpty();
        Directory.GetFiles(_temp.Path, "*-backup*").Should().BeEmpty();
        (await RunAsync("workspace", "check")).ExitCode.Should().Be(0);
        var list = await RunAsync("sets", "list");
        JsonNode.Parse(list.Out)!.AsArray().Select(s => (string?)s!["name"]).Should().Equal("kept", "replaced");
        var after = await ExportAsync("replaced");
        after.Should().Equal(before);
    }

    [Fact]
    public async Task CheckAndCompactAreHostCommandsWithHelp()
    {
        var help = await HostRun.StartAsync(["workspace", "--help"]);

        help.ExitCode.Should().Be(0, help.Error);
        help.Out.Should().Contain("check").And.Contain("compact");
    }

    private async Task<string[]> ExportAsync(string name)
    {
        var file = _temp.Combine($"{name}-{Guid.NewGuid():N}.pt");
        var export = await RunAsync("sets", "export", name, file);
        export.ExitCode.Should().Be(0, export.Error);
        // The archive's entries, not its bytes: a zip records the time it was written.
        using var zip = ZipFile.OpenRead(file);
        return [.. zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(ReadEntry)];
    }

    private static string ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return $"{entry.FullName}: {Convert.ToHexString(copy.ToArray())}";
    }

    private async Task DistillAsync(string name, int seed = 1, params string[] more)
    {
        var distill = await RunAsync(["distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1", "--seed", $"{seed}", "--name", name, .. more]);
        distill.ExitCode.Should().Be(0, distill.Error);
    }

    private Task<HostRun> RunAsync(params string[] args) => HostRun.StartAsync(
    [
        .. args,
        "--output", "json",
        "--workspace", Workspace,
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
    ]);
}
