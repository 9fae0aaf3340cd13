using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;
using Distillery.Tests.Training;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary><c>distill --method dm</c> through the host and the built plugin, on the committed Fashion-MNIST fixture.</summary>
public sealed class DistributionMatchingCommandLineTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DistillDmStoresASetWithItsProvenance()
    {
        var run = await RunAsync("--output", "json", "--Methods:dm:Iterations=3", "--Methods:dm:BatchReal=8");
        run.ExitCode.Should().Be(0, run.Error);
        ((bool)JsonNode.Parse(run.Out)!["resumed"]!).Should().BeFalse();

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync("dm-fashion-mnist-ipc1-seed0", CancellationToken.None);
        set.Images.shape.Should().Equal([10L, 1, 28, 28]);
        set.Provenance.Method.Should().Be("dm");
        set.Provenance.Architecture.Should().Be("convnet:d1-w8");
        set.Provenance.Metrics["iterations"].Should().Be(3);
        set.Provenance.OptionsJson.Should().Contain("BatchReal");
    }

    [Fact]
    public async Task AnUnknownAugmentationFailsBeforeAnyWorkWithExitCode2()
    {
        var run = await RunAsync("--Methods:dm:Augmentation=color_warp");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("warp");
        File.Exists(_temp.Combine("out", "dm-fashion-mnist-ipc1-seed0.png")).Should().BeFalse();
    }

    [Fact]
    public async Task SnapshotsAreDrawnAndEvaluatedAtTheAskedIterationsAndReported()
    {
        var run = await RunAsync(
            "--output", "json", "--Methods:dm:Iterations=3", "--Methods:dm:BatchReal=8", "--snapshot-at", "1,3", "--Evaluation:Epochs=1");
        run.ExitCode.Should().Be(0, run.Error);

        var snapshots = JsonNode.Parse(run.Out)!["snapshots"]!.AsArray();
        snapshots.Select(s => (int)s!["iteration"]!).Should().Equal([1, 3]);
        snapshots.Should().AllSatisfy(s =>
        {
            ((double)s!["mean"]!).Should().BeInRange(0.0, 1.0);
            ((bool)s["soft_labels"]!).Should().BeFalse();
            s["hard_labels"].Should().BeNull();
            ((bool)s["learning_rate_from_set"]!).Should().BeFalse();
            s["accuracies"]!.AsArray().Should().ContainSingle();
            File.Exists((string)s["png"]!).Should().BeTrue();
        });
        ((double)snapshots[0]!["distill_seconds"]!).Should().BeLessThanOrEqualTo((double)snapshots[1]!["distill_seconds"]!);
        ((double)snapshots[0]!["distill_processor_seconds"]!).Should().BePositive()
            .And.BeLessThanOrEqualTo((double)snapshots[1]!["distill_processor_seconds"]!);
        ((double)JsonNode.Parse(run.Out)!["processor_seconds"]!).Should().BeGreaterThanOrEqualTo((double)snapshots[1]!["distill_processor_seconds"]!);
        File.Exists(_temp.Combine("out", "dm-fashion-mnist-ipc1-seed0.snapshots.json")).Should().BeTrue();
    }

    [Fact]
    public async Task ARerunKeepsTheSnapshotRowsOfItsRunThatItDoesNotEvaluateAgainAndDropsThoseOfOtherRuns()
    {
        string[] args = ["--Methods:dm:Iterations=3", "--Methods:dm:BatchReal=8", "--snapshot-at", "1,3", "--Evaluation:Epochs=1"];
        var first = await RunAsync(args);
        first.ExitCode.Should().Be(0, first.Error);
        var path = _temp.Combine("out", "dm-fashion-mnist-ipc1-seed0.snapshots.json");
        var rows = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var runId = (string)rows[0]!["run"]!;
        rows.Select(row => (string?)row!["run"]).Should().AllBe(runId);

        var earlier = rows[0]!.DeepClone().AsObject();
        earlier["iteration"] = 2;
        earlier["mean"] = 0.123;
        var other = rows[0]!.DeepClone().AsObject();
        other["run"] = "another-run";
        other["iteration"] = 4;
        File.WriteAllText(path, new JsonArray(rows[0]!.DeepClone(), earlier, other).ToJsonString());

        var second = await RunAsync([.. args, "--overwrite"]);
        second.ExitCode.Should().Be(0, second.Error);
        var merged = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        merged.Select(row => (int)row!["iteration"]!).Should().Equal([1, 2, 3]);
        ((double)merged[1]!["mean"]!).Should().Be(0.123);
        merged.Select(row => (string?)row!["run"]).Should().AllBe(runId);
    }

    [Theory]
    [InlineData("0,5")]
    [InlineData("ten")]
    public async Task ABadSnapshotListIsAUserError(string iterations)
    {
        var run = await RunAsync("--snapshot-at", iterations);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--snapshot-at");
    }

    [Fact]
    public async Task DmStartsFromAStoredSetWhenAskedAndACoresetMethodRefusesTo()
    {
        var random = await RunAsync(["--output", "json"], method: "random");
        random.ExitCode.Should().Be(0, random.Error);

        // A vanishing learning rate leaves the images where they started: at the stored set's.
        var run = await RunAsync(
            "--init-from", "random-fashion-mnist-ipc1-seed0", "--Methods:dm:Iterations=1", "--Methods:dm:BatchReal=8", "--Methods:dm:LearningRateImages=1e-12");
        run.ExitCode.Should().Be(0, run.Error);
        using (var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") }))
        {
            using var start = await store.LoadSetAsync("random-fashion-mnist-ipc1-seed0", CancellationToken.None);
            using var learned = await store.LoadSetAsync("dm-fashion-mnist-ipc1-seed0", CancellationToken.None);
            learned.Images.allclose(start.Images, rtol: 0, atol: 1e-6).Should().BeTrue();
        }

        var refused = await RunAsync(["--init-from", "random-fashion-mnist-ipc1-seed0", "--name", "again"], method: "herding");
        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("cannot start from a stored set");

        var missing = await RunAsync("--init-from", "nothing-here", "--name", "other");
        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("nothing-here");
    }

    [Fact]
    public async Task ARunStartedFromAReplacedSetIsANewRunNotAResumeOfTheOldOne()
    {
        string[] dm = ["--init-from", "start", "--Methods:dm:Iterations=1", "--Methods:dm:BatchReal=8"];
        (await RunAsync(["--name", "start"], method: "random")).ExitCode.Should().Be(0);
        (await RunAsync([.. dm, "--name", "first"])).ExitCode.Should().Be(0);
        (await RunAsync(["--name", "start", "--seed", "1", "--overwrite"], method: "random")).ExitCode.Should().Be(0);
        (await RunAsync([.. dm, "--name", "second"])).ExitCode.Should().Be(0);

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        var runs = (await store.ListRunsAsync(CancellationToken.None)).Where(run => run.SetName is "first" or "second").ToList();
        runs.Select(run => run.Id).Distinct().Count().Should().Be(2);
    }

    private Task<HostRun> RunAsync(params string[] extra) => RunAsync(extra, method: "dm");

    private Task<HostRun> RunAsync(string[] extra, string method) => HostRun.StartAsync(
    [
        "distill", "--method", method, "--dataset", "fashion-mnist", "--ipc", "1", "--arch", "convnet:d1-w8",
        "--workspace", _temp.Combine("work.db"),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
        .. extra,
    ]);
}
