using System.Text.Json.Nodes;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Nas;

/// <summary>The candidate evaluators through the command line, on the committed Fashion-MNIST fixture.</summary>
public sealed class NasEvaluatorCommandLineTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EveryEvaluatorIsRegisteredUnderItsName()
    {
        var run = await RunAsync("plugins", "--output", "json");

        run.ExitCode.Should().Be(0, run.Error);
        var evaluators = JsonNode.Parse(run.Out)!.AsArray()
            .Where(r => (string?)r!["kind"] == "candidate-evaluator" && (string?)r!["status"] == "Active")
            .Select(r => (string)r!["name"]!);
        evaluators.Should().Contain(["full", "set", "subset", "early-stop", "params", "flops", "synflow", "naswot", "snip", "grad_norm"]);
    }

    [Fact]
    public async Task ASetSearchKeysItsScoresByTheSetsContent()
    {
        (await DistillAsync(seed: 0, overwrite: false)).Should().Be(0);
        var first = await SearchAsync("set", "--set", "proxy", "--CandidateEvaluators:set:Epochs=1");
        var again = await SearchAsync("set", "--set", "proxy", "--CandidateEvaluators:set:Epochs=1");
        (await DistillAsync(seed: 1, overwrite: true)).Should().Be(0);
        var replaced = await SearchAsync("set", "--set", "proxy", "--CandidateEvaluators:set:Epochs=1");

        Stored(first).Should().BeFalse();
        Stored(again).Should().BeTrue();
        ((string?)again["protocol"]).Should().Be((string?)first["protocol"]);
        ((string?)replaced["protocol"]).Should().NotBe((string?)first["protocol"]);
        Stored(replaced).Should().BeFalse("a set replaced under the same name is another protocol");
    }

    [Fact]
    public async Task ASetSearchWithoutASetIsRefusedNamingTheFlag()
    {
        var run = await RunAsync(Search("set"));

        run.ExitCode.Should().Be(2, run.Out);
        run.Error.Should().Contain("--set").And.Contain("CandidateEvaluators:set:Set");
    }

    [Fact]
    public async Task AZeroCostSearchRanksByItsScore()
    {
        var run = await RunAsync([.. Search("params", evaluations: 2), "--SearchSpaces:list:Candidates:1=convnet:d1-w16", "--output", "json"]);
        run.ExitCode.Should().Be(0, run.Error);
        var report = JsonNode.Parse(run.Out)!;

        ((string?)report["choice"]).Should().Be("convnet:d1-w16");
        var scores = report["leaderboard"]!.AsArray().Select(t => (double)t!["score"]!).ToList();
        scores.Should().BeInDescendingOrder().And.HaveCount(2);
    }

    private async Task<int> DistillAsync(long seed, bool overwrite)
    {
        string[] args = ["distill", "--method", "random", "--dataset", "fashion-mnist", "--ipc", "2", "--seed", $"{seed}", "--name", "proxy"];
        var run = await RunAsync(overwrite ? [.. args, "--overwrite"] : args);
        return run.ExitCode == 0 ? 0 : throw new InvalidOperationException(run.Error);
    }

    private async Task<JsonObject> SearchAsync(string evaluator, params string[] more)
    {
        var run = await RunAsync([.. Search(evaluator), .. more, "--output", "json"]);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonNode.Parse(run.Out)!.AsObject();
    }

    private static string[] Search(string evaluator, int evaluations = 1) =>
    [
        "nas", "--evaluator", evaluator, "--dataset", "fashion-mnist", "--space", "list", "--strategy", "exhaustive", "--evaluations", $"{evaluations}",
        "--SearchSpaces:list:Candidates:0=convnet:d1-w8",
    ];

    private static bool Stored(JsonObject report) => (bool)report["trials"]!.AsArray().Single()!["stored"]!;

    private Task<HostRun> RunAsync(params string[] args) => HostRun.StartAsync([.. args, .. FixtureHost.Arguments(_temp)]);
}
