using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;
using Distillery.Tests.Training;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Distillery.Tests.EndToEnd;

/// <summary>
/// The built-in plugins driven through the command line on the committed Fashion-MNIST fixture
/// (100 training and 50 test images): distill, store, draw, evaluate, interrupt and resume.
/// </summary>
public sealed class CoresetRunTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task HerdingDistillsStoresDrawsAndEvaluatesBesideARandomSubset()
    {
        var distill = await RunAsync("work.db", "distill", "--method", "herding", "--ipc", "2", "--output", "json");
        distill.ExitCode.Should().Be(0, distill.Error);
        var picture = Path.Combine(_temp.Path, "out", "herding-fashion-mnist-ipc2-seed0.png");
        File.Exists(picture).Should().BeTrue(distill.Out);

        var evaluate = await RunAsync("work.db", "evaluate", "herding-fashion-mnist-ipc2-seed0", "--epochs", "3", "--networks", "2", "--output", "json");
        evaluate.ExitCode.Should().Be(0, evaluate.Error);
        var report = JsonNode.Parse(evaluate.Out)!;
        var result = report["results"]![0]!;
        ((string?)result["arch"]).Should().Be("convnet");
        result["runs"]!.AsArray().Count.Should().Be(2);
        ((double)result["mean"]!).Should().BeInRange(0.0, 1.0);
        report["baseline"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task AnInterruptedHerdingRunResumesAndEndsWithTheSameSetAsAnUninterruptedOne()
    {
        using var interrupt = new CancellationTokenSource();
        var stopped = await HostRun.StartAsync(
            Arguments("interrupted.db", "distill", "--method", "herding", "--ipc", "3"),
            services => services.AddSingleton<IWorkspaceStore>(provider =>
                new CheckpointInterruptingStore(provider.GetRequiredService<LiteDbWorkspaceStore>(), interrupt)),
            interrupt.Token);
        stopped.ExitCode.Should().Be(130);
        stopped.Error.Should().ContainEquivalentOf("resume");

        var resumed = await RunAsync("interrupted.db", "distill", "--method", "herding", "--ipc", "3", "--output", "json");
        resumed.ExitCode.Should().Be(0, resumed.Error);
        ((bool)JsonNode.Parse(resumed.Out)!["resumed"]!).Should().BeTrue();

        var straight = await RunAsync("straight.db", "distill", "--method", "herding", "--ipc", "3", "--output", "json");
        straight.ExitCode.Should().Be(0, straight.Error);
        ((bool)JsonNode.Parse(straight.Out)!["resumed"]!).Should().BeFalse();

        using var a = await LoadAsync("interrupted.db", "herding-fashion-mnist-ipc3-seed0");
        using var b = await LoadAsync("straight.db", "herding-fashion-mnist-ipc3-seed0");
        b.Provenance.SourceIndices.Should().Equal(a.Provenance.SourceIndices);
        a.Images.eq(b.Images).all().item<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameKcenterSetAndAnotherSeedAnother()
    {
        (await RunAsync("one.db", "distill", "--method", "kcenter", "--ipc", "2")).ExitCode.Should().Be(0);
        (await RunAsync("two.db", "distill", "--method", "kcenter", "--ipc", "2")).ExitCode.Should().Be(0);
        (await RunAsync("two.db", "distill", "--method", "kcenter", "--ipc", "2", "--seed", "5")).ExitCode.Should().Be(0);

        using var first = await LoadAsync("one.db", "kcenter-fashion-mnist-ipc2-seed0");
        using var again = await LoadAsync("two.db", "kcenter-fashion-mnist-ipc2-seed0");
        using var other = await LoadAsync("two.db", "kcenter-fashion-mnist-ipc2-seed5");
        again.Provenance.SourceIndices.Should().Equal(first.Provenance.SourceIndices);
        other.Provenance.SourceIndices.Should().NotEqual(first.Provenance.SourceIndices);
    }

    [Fact]
    public async Task MoreImagesPerClassThanAClassHasIsAUserErrorThatNamesTheClass()
    {
        var run = await RunAsync("work.db", "distill", "--method", "random", "--ipc", "40");
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--ipc 40");
        run.Error.Should().Contain("class");
        File.Exists(Path.Combine(_temp.Path, "out", "random-fashion-mnist-ipc40-seed0.png")).Should().BeFalse();
    }

    private Task<HostRun> RunAsync(string workspace, params string[] command) => HostRun.StartAsync(Arguments(workspace, command));

    private List<string> Arguments(string workspace, params string[] command) =>
    [
        .. command,
        .. command[0] == "distill" ? ["--dataset", "fashion-mnist"] : Array.Empty<string>(),
        "--workspace", Path.Combine(_temp.Path, workspace),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={Path.Combine(_temp.Path, "out")}",
        "--Methods:herding:PretrainEpochs=1",
        "--Methods:kcenter:PretrainEpochs=1",
    ];

    private async Task<Distillery.Methods.SyntheticSet> LoadAsync(string workspace, string name)
    {
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = Path.Combine(_temp.Path, workspace) });
        return await store.LoadSetAsync(name, CancellationToken.None);
    }
}
