using System.Text.Json.Nodes;
using Distillery.Nas.Scores;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Nas;

/// <summary>
/// Small searches from the command line on the committed Fashion-MNIST fixture (10 training and 5 test images per
/// class): ConvNets of depth 1–2 and width 32, scored by the full evaluator for one epoch.
/// </summary>
public sealed class NasSearchRunTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ASmallSearchPrintsItsLeaderboardAndChoiceAsJson()
    {
        var run = await SearchAsync("work.db", "--evaluations", "5", "--confirm-top", "2");

        run.ExitCode.Should().Be(0, run.Error);
        var report = JsonNode.Parse(run.Out)!;
        var leaderboard = report["leaderboard"]!.AsArray();
        leaderboard.Should().HaveCount(5);
        leaderboard.Select(t => (string?)t!["candidate"]).Should().OnlyHaveUniqueItems();
        leaderboard.Select(t => (double)t!["score"]!).Should().BeInDescendingOrder().And.AllSatisfy(s => s.Should().BeInRange(0, 1));
        report["confirmations"]!.AsArray().Should().HaveCount(2);
        ((string?)report["choice"]).Should().StartWith("convnet:d");
        run.Error.Should().Contain("best");
    }

    [Fact]
    public async Task TheHelpOfNasShowsExamplesAndEveryFlag()
    {
        var run = await HostRun.StartAsync(["nas", "--help", "--plugins", RepositoryPaths.BuiltInPlugins]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("EXAMPLES").And.Contain("nas --evaluator set --set");
        foreach (var flag in new[] { "--space", "--strategy", "--evaluator", "--set", "--dataset", "--evaluations", "--seed", "--confirm-top" })
        {
            run.Out.Should().Contain(flag);
        }
    }

    [Fact]
    public async Task ARerunReadsEveryScoreBackAndEndsWithTheSameRanking()
    {
        var first = await SearchAsync("work.db", "--evaluations", "4");
        var second = await SearchAsync("work.db", "--evaluations", "4");

        second.ExitCode.Should().Be(0, second.Error);
        var again = JsonNode.Parse(second.Out)!["trials"]!.AsArray();
        again.Should().AllSatisfy(t => ((bool)t!["stored"]!).Should().BeTrue());
        Ranking(second).Should().Equal(Ranking(first));
    }

    [Fact]
    public async Task CandidatesTrainedTwoAtATimeGetTheScoresTheyGetOneAtATime()
    {
        var serial = await SearchAsync("serial.db", "--evaluations", "4");
        var concurrent = await SearchAsync("concurrent.db", "--evaluations", "4", "--Scenarios:nas:Concurrency=2");

        concurrent.ExitCode.Should().Be(0, concurrent.Error);
        Scores(concurrent).Should().Equal(Scores(serial));
    }

    [Fact]
    public async Task ASearchStoppedAfterTwoScoresContinuesAndEndsAsAnUninterruptedOne()
    {
        var whole = await SearchAsync("whole.db", "--evaluations", "4");

        using var interrupt = new CancellationTokenSource();
        var stopped = await HostRun.StartAsync(
            Arguments("stopped.db", "--evaluations", "4"),
            services => services.AddKeyedSingleton<IArtifactStore>(ScoreStore.Owner, (provider, _) =>
                new CancellingArtifactStore(provider.GetRequiredService<IArtifactStores>().For(ScoreStore.Owner), interrupt, after: 2)),
            interrupt.Token);
        stopped.ExitCode.Should().Be(130, stopped.Error);

        var resumed = await SearchAsync("stopped.db", "--evaluations", "4");
        resumed.ExitCode.Should().Be(0, resumed.Error);
        var trials = JsonNode.Parse(resumed.Out)!["trials"]!.AsArray();
        trials.Select(t => (bool)t!["stored"]!).Should().Equal(true, true, false, false);
        Ranking(resumed).Should().Equal(Ranking(whole));
        Scores(resumed).Should().Equal(Scores(whole));
    }

    [Theory]
    [InlineData("--space", "grid", "Unknown search-space 'grid'*convnet, list")]
    [InlineData("--strategy", "annealing", "Unknown search-strategy 'annealing'*exhaustive*random")]
    [InlineData("--evaluator", "oracle", "Unknown candidate-evaluator 'oracle'*full")]
    [InlineData("--evaluations", "0", "*Evaluations*")]
    [InlineData("--evaluations", "-3", "*Evaluations*")]
    public async Task AnUnknownComponentOrABudgetBelowOneIsRefusedSayingWhatIsKnown(string option, string value, string message)
    {
        var run = await SearchAsync("work.db", option, value);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Match($"*{message}*");
    }

    [Fact]
    public async Task AListCandidateThatIsNoArchitectureIsRefusedListingTheKnownOnes()
    {
        var run = await SearchAsync("work.db", "--space", "list", "--SearchSpaces:list:Candidates:0=convnet:d1-w32", "--SearchSpaces:list:Candidates:1=transformer");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Unknown architecture 'transformer'").And.Contain("convnet");
    }

    [Fact]
    public async Task AProxyScoresOnHeldOutTrainingImagesWhenAskedAndRefusesMoreThanThereAre()
    {
        var run = await SearchAsync("work.db", "--evaluations", "2", "--CandidateEvaluators:full:ValidationImages=30");
        run.ExitCode.Should().Be(0, run.Error);
        JsonNode.Parse(run.Out)!["leaderboard"]!.AsArray().Select(t => (double)t!["score"]! * 30)
            .Should().AllSatisfy(correct => correct.Should().BeApproximately(Math.Round(correct), 1e-6));

        var tooMany = await SearchAsync("work.db", "--evaluations", "2", "--CandidateEvaluators:full:ValidationImages=1000");
        tooMany.ExitCode.Should().Be(2);
        tooMany.Error.Should().Contain("ValidationImages is 1000").And.Contain("100 training images");
    }

    private static IEnumerable<string?> Ranking(HostRun run) =>
        JsonNode.Parse(run.Out)!["leaderboard"]!.AsArray().Select(t => (string?)t!["candidate"]);

    private static IEnumerable<double> Scores(HostRun run) =>
        JsonNode.Parse(run.Out)!["trials"]!.AsArray().Select(t => (double)t!["score"]!);

    private Task<HostRun> SearchAsync(string workspace, params string[] arguments) => HostRun.StartAsync(Arguments(workspace, arguments));

    private string[] Arguments(string workspace, params string[] arguments) =>
    [
        "nas",
        .. FixtureHost.Arguments(_temp),
        "--workspace", _temp.Combine(workspace),
        "--output", "json",
        "--evaluator", "full",
        "--SearchSpaces:convnet:Depths:0=1",
        "--SearchSpaces:convnet:Depths:1=2",
        "--SearchSpaces:convnet:Widths:0=32",
        "--CandidateEvaluators:full:Epochs=1",
        "--CandidateEvaluators:full:BatchSize=32",
        .. arguments,
    ];
}
