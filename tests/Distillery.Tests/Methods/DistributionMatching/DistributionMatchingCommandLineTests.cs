using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Training;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary><c>distill --method dm</c> through the host and the built plugin, on the committed Fashion-MNIST fixture.</summary>
[Collection(GlobalTorchRandomCollection.Name)]
public sealed class DistributionMatchingCommandLineTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Distill_dm_stores_a_set_with_its_provenance()
    {
        var run = await RunAsync("--output", "json", "--Methods:dm:Iterations=3", "--Methods:dm:BatchReal=8");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.False((bool)JsonNode.Parse(run.Out)!["resumed"]!);

        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine("work.db") });
        using var set = await store.LoadSetAsync("dm-fashion-mnist-ipc1-seed0", CancellationToken.None);
        Assert.Equal([10L, 1, 28, 28], set.Images.shape);
        Assert.Equal("dm", set.Provenance.Method);
        Assert.Equal("convnet:d1-w8", set.Provenance.Architecture);
        Assert.Equal(3, set.Provenance.Metrics["iterations"]);
        Assert.Contains("BatchReal", set.Provenance.OptionsJson);
    }

    [Fact]
    public async Task An_unknown_augmentation_fails_before_any_work_with_exit_code_2()
    {
        var run = await RunAsync("--Methods:dm:Augmentation=color_warp");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("warp", run.Error);
        Assert.False(File.Exists(_temp.Combine("out", "dm-fashion-mnist-ipc1-seed0.png")));
    }

    private Task<HostRun> RunAsync(params string[] extra) => HostRun.StartAsync(
    [
        "distill", "--method", "dm", "--dataset", "fashion-mnist", "--ipc", "1", "--arch", "convnet:d1-w8",
        "--workspace", _temp.Combine("work.db"),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
        .. extra,
    ]);
}
