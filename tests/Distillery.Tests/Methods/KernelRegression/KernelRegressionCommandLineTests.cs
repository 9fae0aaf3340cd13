using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Methods.KernelRegression;

/// <summary><c>distill --method frepo</c> through the host and the built plugin, on the committed Fashion-MNIST fixture.</summary>
public sealed class KernelRegressionCommandLineTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DistillStoresASetWithItsLearnedSoftLabels()
    {
        var run = await RunAsync("--output", "json");
        run.ExitCode.Should().Be(0, run.Error);
        ((bool)JsonNode.Parse(run.Out)!["resumed"]!).Should().BeFalse();

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync("frepo-fashion-mnist-ipc1-seed0", CancellationToken.None);
        set.Images.shape.Should().Equal([10L, 1, 28, 28]);
        set.Provenance.Method.Should().Be("frepo");
        set.Provenance.Metrics["iterations"].Should().Be(3);
        set.SoftLabels.Should().NotBeNull();
        set.SoftLabels!.shape.Should().Equal([10L, 10]);
        (set.SoftLabels.sum(1) - 1).abs().max().item<float>().Should().BeLessThan(1e-5f);
    }

    [Fact]
    public async Task WithFactorTwoTheSetStoresItsBudgetAndRecordsTheDecoding()
    {
        var run = await RunAsync("--Methods:frepo:Factor=2");
        run.ExitCode.Should().Be(0, run.Error);

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync("frepo-fashion-mnist-ipc1-seed0", CancellationToken.None);
        set.Images.shape.Should().Equal([10L, 1, 28, 28]);
        set.Formation.Factor.Should().Be(2);
        set.SoftLabels!.shape.Should().Equal([10L, 10]);
        set.Images.isfinite().all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task ASnapshotTrainsOnTheLearnedSoftLabelsAsTheFinishedSetWould()
    {
        var run = await RunAsync("--output", "json", "--snapshot-at", "3", "--Evaluation:Epochs=1");
        run.ExitCode.Should().Be(0, run.Error);

        var snapshot = JsonNode.Parse(run.Out)!["snapshots"]!.AsArray().Should().ContainSingle().Subject!;
        ((bool)snapshot["soft_labels"]!).Should().BeTrue();
        ((bool)snapshot["learning_rate_from_set"]!).Should().BeFalse();
        ((double)snapshot["hard_labels"]!["mean"]!).Should().BeInRange(0.0, 1.0);
        snapshot["hard_labels"]!["accuracies"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task SnapshotSoftOnlyLeavesTheHardLabelEvaluationOut()
    {
        var run = await RunAsync("--output", "json", "--snapshot-at", "3", "--snapshot-soft-only", "--Evaluation:Epochs=1");
        run.ExitCode.Should().Be(0, run.Error);

        var snapshot = JsonNode.Parse(run.Out)!["snapshots"]!.AsArray().Single()!;
        ((bool)snapshot["soft_labels"]!).Should().BeTrue();
        snapshot["hard_labels"].Should().BeNull();
    }

    [Fact]
    public async Task ASnapshotAtTheLastIterationScoresWhatEvaluateGivesTheStoredSet()
    {
        var run = await RunAsync("--output", "json", "--snapshot-at", "3", "--Evaluation:Epochs=2");
        run.ExitCode.Should().Be(0, run.Error);
        var snapshot = JsonNode.Parse(run.Out)!["snapshots"]!.AsArray().Single()!;

        var evaluate = await HostRun.StartAsync(
        [
            "evaluate", "frepo-fashion-mnist-ipc1-seed0", "--epochs", "2", "--networks", "1",
            "--no-baseline", "--output", "json", .. FixtureHost.Arguments(_temp),
        ]);
        evaluate.ExitCode.Should().Be(0, evaluate.Error);

        var evaluated = JsonNode.Parse(evaluate.Out)!;
        ((double)evaluated["results"]!.AsArray().Single()!["mean"]!).Should().Be((double)snapshot["mean"]!);
        ((double)evaluated["hard_labels"]!.AsArray().Single()!["mean"]!).Should().Be((double)snapshot["hard_labels"]!["mean"]!);
    }

    [Fact]
    public async Task TheIterationCountDoesNotChangeTheImagesOnTheWay()
    {
        var shorter = await RunAsync("--output", "json", "--snapshot-at", "2", "--Evaluation:Epochs=1", "--Methods:frepo:Iterations=2", "--name", "short");
        shorter.ExitCode.Should().Be(0, shorter.Error);
        var longer = await RunAsync("--output", "json", "--snapshot-at", "2", "--Evaluation:Epochs=1", "--Methods:frepo:Iterations=3", "--name", "long");
        longer.ExitCode.Should().Be(0, longer.Error);

        double SnapshotMean(HostRun run) => (double)JsonNode.Parse(run.Out)!["snapshots"]!.AsArray().Single()!["mean"]!;
        SnapshotMean(longer).Should().Be(SnapshotMean(shorter));
    }

    [Theory]
    [InlineData("--Methods:frepo:Factor=3", "Factor")]
    [InlineData("--Methods:frepo:Ridge=0", "Ridge")]
    [InlineData("--Methods:frepo:PoolSize=0", "PoolSize")]
    [InlineData("--Methods:frepo:Augmentation=color_warp", "warp")]
    [InlineData("--Methods:frepo:PoolSzie=3", "PoolSize")]
    public async Task BadOrUnknownSettingsFailBeforeAnyWorkWithExitCode2(string setting, string named)
    {
        var run = await RunAsync(setting);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(named);
    }

    private Task<HostRun> RunAsync(params string[] extra) => HostRun.StartAsync(
    [
        "distill", "--method", "frepo", "--dataset", "fashion-mnist", "--ipc", "1", "--arch", "convnet:d1-w8",
        .. FixtureHost.Arguments(_temp),
        "--Methods:frepo:Iterations=3",
        "--Methods:frepo:PoolSize=2",
        "--Methods:frepo:MaxOnlineSteps=2",
        "--Methods:frepo:BatchReal=16",
        .. extra,
    ]);
}
