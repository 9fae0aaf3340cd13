using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Methods.TrajectoryMatching;

/// <summary><c>distill --method mtt|tesla</c> through the host and the built plugin, on the committed Fashion-MNIST fixture.</summary>
public sealed class TrajectoryMatchingCommandLineTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("mtt")]
    [InlineData("tesla")]
    public async Task DistillStoresASetWithItsLearnedLearningRateAndTheSecondRunReusesTheExperts(string method)
    {
        var first = await RunAsync(method, "--output", "json");
        first.ExitCode.Should().Be(0, first.Error);

        using (var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") }))
        {
            using var set = await store.LoadSetAsync($"{method}-fashion-mnist-ipc1-seed0", CancellationToken.None);
            set.Images.shape.Should().Equal([10L, 1, 28, 28]);
            set.Provenance.Method.Should().Be(method);
            set.Provenance.Metrics["iterations"].Should().Be(2);
            set.Provenance.Metrics["experts_trained"].Should().Be(1);
            set.LearnedLearningRate.Should().BePositive();
        }

        var second = await RunAsync(method, "--output", "json", "--seed", "1");
        second.ExitCode.Should().Be(0, second.Error);
        using (var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") }))
        {
            using var set = await store.LoadSetAsync($"{method}-fashion-mnist-ipc1-seed1", CancellationToken.None);
            set.Provenance.Metrics["experts_trained"].Should().Be(0);
        }
    }

    [Theory]
    [InlineData("mtt")]
    [InlineData("tesla")]
    public async Task WithFactorTwoTheSetStoresItsBudgetAndRecordsTheDecoding(string method)
    {
        var run = await RunAsync(method, $"--Methods:{method}:Factor=2");
        run.ExitCode.Should().Be(0, run.Error);

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync($"{method}-fashion-mnist-ipc1-seed0", CancellationToken.None);
        set.Images.shape.Should().Equal([10L, 1, 28, 28]);
        set.Formation.Factor.Should().Be(2);
        set.Images.isfinite().all().item<bool>().Should().BeTrue();
        set.LearnedLearningRate.Should().BePositive();
    }

    [Fact]
    public async Task ExpertsAreListedByKeyAndDeletedAndAnUnknownKeyIsAUserError()
    {
        var empty = await ExpertsAsync("list", "--output", "json");
        empty.ExitCode.Should().Be(0, empty.Error);
        JsonNode.Parse(empty.Out)!.AsArray().Should().BeEmpty();

        (await RunAsync("tesla")).ExitCode.Should().Be(0);
        var listed = await ExpertsAsync("list", "--output", "json");
        listed.ExitCode.Should().Be(0, listed.Error);
        var group = JsonNode.Parse(listed.Out)!.AsArray().Should().ContainSingle().Subject!;
        var key = (string)group["key"]!;
        key.Should().StartWith("convnet:d1-w8/fashion-mnist/");
        ((int)group["experts"]!).Should().Be(1);
        ((int)group["damaged"]!).Should().Be(0);
        ((int)group["epochs"]!).Should().Be(2);
        ((long)group["bytes"]!).Should().BePositive();
        var table = await ExpertsAsync("list");
        table.Out.Should().Contain("convnet:d1-w8");

        var prefix = await ExpertsAsync("delete", key[..key.LastIndexOf('/')]);
        prefix.ExitCode.Should().Be(2, "a prefix of several groups is not a key");

        var deleted = await ExpertsAsync("delete", key, "--output", "json");
        deleted.ExitCode.Should().Be(0, deleted.Error);
        ((int)JsonNode.Parse(deleted.Out)!["experts"]!).Should().Be(1);
        JsonNode.Parse((await ExpertsAsync("list", "--output", "json")).Out)!.AsArray().Should().BeEmpty();

        var again = await ExpertsAsync("delete", key);
        again.ExitCode.Should().Be(2);
        again.Error.Should().Contain(key).And.Contain("experts list");
    }

    [Fact]
    public async Task ASnapshotTrainsAtTheLearnedLearningRateAsTheFinishedSetWould()
    {
        var run = await RunAsync("tesla", "--output", "json", "--snapshot-at", "2", "--Evaluation:Epochs=1");
        run.ExitCode.Should().Be(0, run.Error);

        var snapshot = JsonNode.Parse(run.Out)!["snapshots"]!.AsArray().Should().ContainSingle().Subject!;
        ((bool)snapshot["learning_rate_from_set"]!).Should().BeTrue();
        ((bool)snapshot["soft_labels"]!).Should().BeFalse();
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync("tesla-fashion-mnist-ipc1-seed0", CancellationToken.None);
        ((double)snapshot["learning_rate"]!).Should().Be(set.LearnedLearningRate!.Value);
    }

    [Theory]
    [InlineData("--Methods:tesla:Factor=3", "Factor")]
    [InlineData("--Methods:tesla:MaxStartEpoch=5", "MaxStartEpoch")]
    [InlineData("--Methods:tesla:SyntheticSteps=0", "SyntheticSteps")]
    [InlineData("--Methods:tesla:Augmentation=color_warp", "warp")]
    public async Task SettingsOutOfRangeFailBeforeAnyWorkWithExitCode2(string setting, string named)
    {
        var run = await RunAsync("tesla", setting);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(named);
    }

    [Fact]
    public async Task ABatchNormNetworkIsRefusedWithAClearMessage()
    {
        var run = await RunAsync("mtt", "--arch", "convnet:d1-w8-batchnorm");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("BatchNorm");
    }

    private Task<HostRun> ExpertsAsync(params string[] words) => HostRun.StartAsync(["experts", .. words, .. FixtureHost.Arguments(_temp)]);

    private Task<HostRun> RunAsync(string method, params string[] extra) => HostRun.StartAsync(
    [
        "distill", "--method", method, "--dataset", "fashion-mnist", "--ipc", "1", "--arch", "convnet:d1-w8",
        .. FixtureHost.Arguments(_temp),
        $"--Methods:{method}:Iterations=2",
        $"--Methods:{method}:SyntheticSteps=2",
        $"--Methods:{method}:Experts=1",
        $"--Methods:{method}:ExpertTrainingEpochs=2",
        $"--Methods:{method}:MaxStartEpoch=1",
        $"--Methods:{method}:ExpertEpochs=1",
        $"--Methods:{method}:ExpertBatch=32",
        .. extra,
    ]);
}
