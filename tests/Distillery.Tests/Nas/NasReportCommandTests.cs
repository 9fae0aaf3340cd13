using System.Text.Json.Nodes;
using Distillery.Nas.Scores;
using Distillery.Nas.Spaces;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

/// <summary><c>nas-report</c> over scores written straight into a temporary workspace; nothing is trained.</summary>
public sealed class NasReportCommandTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AProxyEqualToTheTruthHasRhoOneAndTruthUnderAnotherProtocolIsExplained()
    {
        var truth = await CurrentTruthAsync();
        var oldJson = JsonNode.Parse(truth.ProtocolJson)!.AsObject();
        oldJson["Epochs"] = 1;
        var oldProtocol = ScoreKey.ProtocolOf(oldJson.ToJsonString());

        // Twelve candidates of every depth; the truth rises with the index.
        var candidates = new ConvNetSpace(Options.Create(new ConvNetSpaceOptions())).Enumerate().Where((_, i) => i % 60 == 7).Select(c => c.Name).ToList();
        var scores = new List<ScoreDocument>();
        for (var i = 0; i < candidates.Count; i++)
        {
            scores.Add(Score("full", truth, candidates[i], 0.5 + (i * 0.03), seconds: 100));
            scores.Add(Score("echo", truth, candidates[i], 0.5 + (i * 0.03), seconds: 2));
            if (i >= 2)
            {
                scores.Add(i == 5 ? Failed(Score("contrary", truth, candidates[i], double.NaN)) : Score("contrary", truth, candidates[i], -i));
            }
        }

        foreach (var elsewhere in scores.Where(d => d.Evaluator == "full").Take(2))
        {
            elsewhere.Processor = "Other CPU";
            elsewhere.InstructionSet = "avx512f";
        }

        scores.Add(Failed(Score("full", truth, "d2-w64-relu-batchnorm-maxpool", double.NaN)));
        scores.AddRange(candidates.Take(3).Select(c => StoredScores.Of("full", oldProtocol, oldJson.ToJsonString(), truth.Fingerprint, c, 0.4)));
        await StoredScores.WriteAsync(_temp.Combine("work.db"), scores);

        var run = await HostRun.StartAsync([.. FixtureHost.Arguments(_temp), "nas-report", "--output", "json"]);

        run.ExitCode.Should().Be(0, run.Error);
        var report = JsonNode.Parse(run.Out)!;
        ((int)report["truth"]!["candidates"]!).Should().Be(12);
        ((int)report["truth"]!["failed"]!).Should().Be(1);
        var proxies = report["proxies"]!.AsArray().ToDictionary(p => (string)p!["label"]!, p => p!);
        proxies.Keys.Should().Equal(["contrary", "echo"]);

        var echo = proxies["echo"];
        ((double)echo["spearman"]!).Should().BeApproximately(1, 1e-12);
        ((double)echo["kendall"]!).Should().BeApproximately(1, 1e-12);
        ((double)echo["spearmanTop10"]!).Should().BeApproximately(1, 1e-12);
        echo["spearmanTop20"].Should().BeNull("12 candidates have no top 20 apart from all of them");
        ((double)echo["topRegret"]!).Should().Be(0);
        ((double)echo["precisionAt5"]!).Should().Be(1);
        ((double)echo["speedUp"]!).Should().BeApproximately(50, 1e-9);
        ((double)echo["secondsPerCandidate"]!).Should().BeApproximately(2, 1e-9);
        ((int)echo["missing"]!).Should().Be(0);

        var contrary = proxies["contrary"];
        ((int)contrary["candidates"]!).Should().Be(10);
        ((int)contrary["missing"]!).Should().Be(2);
        ((int)contrary["failed"]!).Should().Be(1);
        ((double)contrary["spearman"]!).Should().BeLessThan(-0.5);
        ((string?)contrary["proxyPick"]).Should().Be(candidates[2]);
        ((double)contrary["topRegret"]!).Should().BeApproximately(0.27, 1e-9);

        var notes = report["notes"]!.AsArray().Select(n => (string)n!).ToList();
        notes.Should().Contain(n => n.Contains("3 ground-truth score(s) were made under another protocol", StringComparison.Ordinal) && n.Contains("Epochs 1 (now 3)", StringComparison.Ordinal));
        notes.Should().Contain(n => n.Contains("1 candidate(s) whose ground truth failed", StringComparison.Ordinal));
        notes.Should().Contain(n => n.StartsWith("contrary has no score for 2 of the 12 candidates", StringComparison.Ordinal));
        notes.Should().Contain(n => n.StartsWith("contrary failed on 1 candidate(s); they count as its worst", StringComparison.Ordinal));
        notes.Should().Contain(n => n.StartsWith(
            "The ground truth was made on 2 kinds of machine: 10 on 1 thread(s), Test CPU, avx2; 2 on 1 thread(s), Other CPU, avx512f.", StringComparison.Ordinal));

        File.Exists(_temp.Combine("out", "nas-report-fashion-mnist.md")).Should().BeTrue();
        File.ReadAllText(_temp.Combine("out", "nas-report-fashion-mnist.md")).Should().Contain("| echo | 12 | 1.000 |");
        JsonNode.Parse(File.ReadAllText(_temp.Combine("out", "nas-report-fashion-mnist.json")))!["proxies"]!.AsArray().Should().HaveCount(2);
        foreach (var proxy in new[] { "echo", "contrary" })
        {
            var png = _temp.Combine("out", $"nas-report-fashion-mnist-{proxy}.png");
            File.ReadAllBytes(png).Take(4).Should().Equal([0x89, (byte)'P', (byte)'N', (byte)'G']);
            ((string?)proxies[proxy]["plot"]).Should().Be(png);
        }

        var text = await HostRun.StartAsync([.. FixtureHost.Arguments(_temp), "nas-report", "--out-dir", _temp.Combine("elsewhere")]);

        text.ExitCode.Should().Be(0, text.Error);
        text.Out.Should().Contain("echo").And.Contain("1.000").And.Contain("50.0×").And.Contain("Epochs 1 (now 3)");
        File.Exists(_temp.Combine("elsewhere", "nas-report-fashion-mnist-echo.png")).Should().BeTrue();
    }

    [Fact]
    public async Task ScoringMissingCandidatesWithoutNamingTheProxiesIsRefused()
    {
        var run = await HostRun.StartAsync([.. FixtureHost.Arguments(_temp), "nas-report", "--score-missing"]);

        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("--evaluators");
    }

    [Fact]
    public async Task ACombinationOfOneProxyIsRefusedNamingTheForm()
    {
        var run = await HostRun.StartAsync([.. FixtureHost.Arguments(_temp), "nas-report", "--combine", "set+naswot,set"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("two or more proxies").And.Contain("'set'");
    }

    private async Task<(string Protocol, string ProtocolJson, string Fingerprint)> CurrentTruthAsync()
    {
        var run = await HostRun.StartAsync([.. FixtureHost.Arguments(_temp), "nas-report", "--output", "json"]);
        run.ExitCode.Should().Be(0, run.Error);
        var report = JsonNode.Parse(run.Out)!;
        report["notes"]!.AsArray().Select(n => (string)n!).Should().Contain(n => n.StartsWith("No candidate has a ground truth", StringComparison.Ordinal));
        return ((string)report["truth"]!["protocol"]!, (string)report["truth"]!["protocolJson"]!, (string)report["datasetFingerprint"]!);
    }

    private static ScoreDocument Failed(ScoreDocument score)
    {
        score.Failure = "training diverged (loss NaN) in epoch 2 of network 1";
        return score;
    }

    private static ScoreDocument Score(string evaluator, (string Protocol, string ProtocolJson, string Fingerprint) truth, string candidate, double value, double seconds = 1) =>
        StoredScores.Of(evaluator, truth.Protocol, truth.ProtocolJson, truth.Fingerprint, candidate, value, seconds);
}
