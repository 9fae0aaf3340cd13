using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary>A stored set keeps what made it (host, threads, processor, data files) and the evaluations a user saw.</summary>
public sealed class SetRecordTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ProvenanceRecordsTheHostTheThreadsTheInstructionSetAndTheDatasetFiles()
    {
        (await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1")).ExitCode.Should().Be(0);

        var show = await RunAsync("sets", "show", "random-fashion-mnist-ipc1-seed0");

        show.ExitCode.Should().Be(0, show.Error);
        var environment = JsonNode.Parse(show.Out)!["environment"]!;
        ((string?)environment["hostVersion"]).Should().NotBeNullOrWhiteSpace();
        ((int?)environment["threads"]).Should().Be(Environment.ProcessorCount, "Distillery:Threads=0 gives one thread per core");
        ((string?)environment["instructionSet"]).Should().NotBeNullOrWhiteSpace();
        var files = environment["datasetFiles"]!.AsObject();
        files.Should().NotBeEmpty();
        foreach (var (name, sha) in files)
        {
            var path = Directory.GetFiles(FixtureHost.FashionMnist).Single(f => Path.GetFileName(f) == name);
            ((string?)sha).Should().Be(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        }
    }

    [Fact]
    public async Task AnEvaluationIsKeptWithTheSetAndShownBySetsShow()
    {
        (await RunAsync("distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "1")).ExitCode.Should().Be(0);
        var evaluate = await RunAsync("evaluate", "random-fashion-mnist-ipc1-seed0", "--epochs", "1", "--networks", "1", "--arch", "convnet:d1-w8");
        evaluate.ExitCode.Should().Be(0, evaluate.Error);
        var seen = (double)JsonNode.Parse(evaluate.Out)!["results"]![0]!["mean"]!;

        var show = await RunAsync("sets", "show", "random-fashion-mnist-ipc1-seed0");

        var evaluations = JsonNode.Parse(show.Out)!["evaluations"]!.AsArray();
        evaluations.Should().ContainSingle();
        ((double)evaluations[0]!["report"]!["results"]![0]!["mean"]!).Should().Be(seen);
        ((string?)evaluations[0]!["report"]!["results"]![0]!["arch"]).Should().Be("convnet:d1-w8");

        var text = await RunAsync(["sets", "show", "random-fashion-mnist-ipc1-seed0"], json: false);
        text.Out.Should().Contain("Evaluated").And.Contain("convnet:d1-w8");
    }

    [Fact]
    public async Task ASetWhoseMetricsHoldNanIsListedAsJson()
    {
        using (var store = new Distillery.Storage.LiteDbWorkspaceStore(new Distillery.Storage.WorkspaceOptions { Path = _temp.Combine("work.db") }))
        using (var set = Storage.TempWorkspace.MakeSet(provenance: Storage.TempWorkspace.Provenance()))
        {
            await store.SaveSetAsync("with-nan", set, overwrite: false, CancellationToken.None);
        }

        var list = await RunAsync("sets", "list");

        list.ExitCode.Should().Be(0, list.Error);
        var metrics = JsonNode.Parse(list.Out)!.AsArray().Single()!["metrics"]!;
        ((string?)metrics["nan"]).Should().Be("NaN");
        ((double?)metrics["loss"]).Should().Be(0.25);
    }

    private Task<HostRun> RunAsync(params string[] args) => RunAsync(args, json: true);

    private Task<HostRun> RunAsync(string[] args, bool json) => HostRun.StartAsync(
    [
        .. args,
        .. json ? new[] { "--output", "json" } : [],
        .. FixtureHost.Arguments(_temp),
    ]);
}
