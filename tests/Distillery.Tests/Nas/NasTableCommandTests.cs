using System.Text.Json.Nodes;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Nas;

/// <summary><c>nas-table</c>: stored scores exported as CSV and JSON, one row per score.</summary>
public sealed class NasTableCommandTests : IAsyncLifetime
{
    private readonly TemporaryFolder _temp = new();

    public Task InitializeAsync()
    {
        var failed = StoredScores.Of("full", "aaaaaaaaaaaa", "{}", "fp", "d3-w64-sigmoid-nonorm-nopool", double.NaN, seconds: 3.5);
        failed.Failure = "training diverged (loss NaN), \"epoch\" 2";
        return StoredScores.WriteAsync(_temp.Combine("work.db"),
        [
            StoredScores.Of("full", "aaaaaaaaaaaa", "{}", "fp", "d1-w32-relu-batchnorm-avgpool", 0.8125, seconds: 12.25),
            StoredScores.Of("full", "aaaaaaaaaaaa", "{}", "fp", "d2-w32-relu-batchnorm-avgpool", 0.75, seconds: 13),
            failed,
            StoredScores.Of("synflow", "bbbbbbbbbbbb", "{}", "fp", "d1-w32-relu-batchnorm-avgpool", 123.5, seconds: 0.5),
        ]);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheGroundTruthGoesToACsvFileOneRowPerScore()
    {
        var path = _temp.Combine("table.csv");
        var run = await Table("--out", path);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Wrote 3 score(s) of full");
        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(4);
        lines[0].Should().Be("evaluator,candidate,architecture,dataset,seed,epochs,protocol,accuracy,failure,seconds,threads,processor,instruction_set,recorded");
        lines.Should().Contain("full,d1-w32-relu-batchnorm-avgpool,convnet:d1-w32-relu-batchnorm-avgpool,fashion-mnist,0,0,aaaaaaaaaaaa,0.8125,,12.25,1,Test CPU,avx2,2025-05-06T07:08:09.0000000+00:00");
        lines.Should().Contain(
            "full,d3-w64-sigmoid-nonorm-nopool,convnet:d3-w64-sigmoid-nonorm-nopool,fashion-mnist,0,0,aaaaaaaaaaaa,,\"training diverged (loss NaN), \"\"epoch\"\" 2\",3.5,1,Test CPU,avx2,2025-05-06T07:08:09.0000000+00:00");
    }

    [Fact]
    public async Task WithJsonOutputTheRowsAreOneDocumentOnStdout()
    {
        var run = await Table("--output", "json");

        run.ExitCode.Should().Be(0, run.Error);
        var rows = JsonNode.Parse(run.Out)!.AsArray();
        rows.Should().HaveCount(3);
        var first = rows.Single(r => (string?)r!["candidate"] == "d1-w32-relu-batchnorm-avgpool")!;
        ((double)first["accuracy"]!).Should().Be(0.8125);
        ((string?)first["protocol"]).Should().Be("aaaaaaaaaaaa");
        ((int)first["threads"]!).Should().Be(1);
        ((string?)first["processor"]).Should().Be("Test CPU");
        ((string?)first["instruction_set"]).Should().Be("avx2");
        var failed = rows.Single(r => (string?)r!["candidate"] == "d3-w64-sigmoid-nonorm-nopool")!;
        failed["accuracy"].Should().BeNull();
        ((string?)failed["failure"]).Should().StartWith("training diverged");
    }

    [Fact]
    public async Task AnotherEvaluatorsScoresGoToAJsonFile()
    {
        var path = _temp.Combine("synflow.json");
        var run = await Table("--evaluator", "synflow", "--out", path, "--output", "json");

        run.ExitCode.Should().Be(0, run.Error);
        ((int)JsonNode.Parse(run.Out)!["rows"]!).Should().Be(1);
        var rows = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        rows.Should().ContainSingle();
        ((double)rows[0]!["accuracy"]!).Should().Be(123.5);
        ((string?)rows[0]!["evaluator"]).Should().Be("synflow");
    }

    [Fact]
    public async Task WithoutAFileTheCsvGoesToStdout()
    {
        var run = await Table("--seed", "0", "--dataset", "fashion-mnist");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4);
    }

    [Fact]
    public async Task AnUnknownFormatIsRefusedSayingWhichToUse()
    {
        var run = await Table("--format", "xlsx");

        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("xlsx").And.Contain("--format csv");
    }

    private Task<HostRun> Table(params string[] args) => HostRun.StartAsync([.. FixtureHost.Arguments(_temp), "nas-table", .. args]);
}
