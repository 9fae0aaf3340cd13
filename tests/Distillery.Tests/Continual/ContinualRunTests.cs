using System.Text.Json.Nodes;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Storage;
using Distillery.Tests.EndToEnd;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;
using Distillery.Tests.Training;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Distillery.Tests.Continual;

/// <summary>
/// The continual scenario driven through the command line on the committed Fashion-MNIST fixture (10 training and
/// 5 test images per class) with a tiny ConvNet and a few epochs.
/// </summary>
public sealed class ContinualRunTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ARunReportsTheMatrixAverageAccuracyAndForgettingPerMemoryMethodAndStoresTheMemory()
    {
        var run = await RunAsync("work.db", "--Scenarios:continual:MemoryMethods:0=random", "--Scenarios:continual:MemoryMethods:1=herding");
        run.ExitCode.Should().Be(0, run.Error);

        var report = JsonNode.Parse(run.Out)!;
        var results = report["results"]!.AsArray();
        results.Select(r => $"{r!["learner"]} {r["memory_method"]}").Should().Equal(["gdumb random", "gdumb herding"]);
        foreach (var result in results)
        {
            var matrix = result!["accuracy_matrix"]!.AsArray();
            matrix.Count.Should().Be(5);
            matrix.Select(row => row!.AsArray().Count).Should().Equal(Enumerable.Range(1, 5));
            result["average_accuracy"]!.AsArray().Count.Should().Be(5);
            ((double)result["forgetting"]!).Should().BeInRange(-1.0, 1.0);
            ((double)result["backward_transfer"]!).Should().BeInRange(-1.0, 1.0);
            result["task_incremental"]!["accuracy_matrix"]!.AsArray().Count.Should().Be(5);
        }

        var orders = report["class_orders"]!.AsArray();
        orders.Should().ContainSingle();
        report["files"]!.AsArray().Should().AllSatisfy(file => File.Exists((string)file!).Should().BeTrue());

        using var workspace = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = Path.Combine(_temp.Path, "work.db") });
        var buffers = await new MemoryBufferStore(workspace.For(MemoryBufferStore.Owner)).ListAsync(CancellationToken.None);
        buffers.Select(b => b.Name).Should().Equal(["test/herding/order0", "test/random/order0"]);
        buffers.Should().AllSatisfy(b => b.IsComplete.Should().BeTrue());
        buffers.Should().AllSatisfy(b => b.Images.Should().Be(20));
    }

    [Fact]
    public async Task AMemoryMethodThatLearnsSoftLabelsKeepsThemOverTheDatasetsClassesAndReplayTrainsOnThem()
    {
        var run = await RunAsync(
            "work.db",
            "--Scenarios:continual:MemoryMethods:0=frepo",
            "--Scenarios:continual:Learners:0=replay",
            "--Scenarios:continual:Learners:1=gdumb",
            "--Methods:frepo:Iterations=2",
            "--Methods:frepo:PoolSize=1",
            "--Methods:frepo:MaxOnlineSteps=2",
            "--Methods:frepo:BatchReal=8");
        run.ExitCode.Should().Be(0, run.Error);

        using var workspace = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = Path.Combine(_temp.Path, "work.db") });
        var store = new MemoryBufferStore(workspace.For(MemoryBufferStore.Owner));
        var buffer = (await store.ListAsync(CancellationToken.None)).Should().ContainSingle().Subject;
        foreach (var step in buffer.Steps)
        {
            var classes = await store.LoadStepAsync(buffer.Name, step, CancellationToken.None);
            try
            {
                var held = classes.Select(c => (long)c.Label).ToArray();
                foreach (var memory in classes)
                {
                    var soft = memory.SoftLabels!;
                    soft.shape.Should().Equal([2L, 10]);
                    (soft.sum(1) - 1).abs().max().item<float>().Should().BeLessThan(1e-5f);
                    var others = Enumerable.Range(0, 10).Select(c => (long)c).Except(held).ToArray();
                    soft.index_select(1, torch.tensor(others)).abs().max().item<float>().Should().Be(0f);
                }
            }
            finally
            {
                foreach (var memory in classes)
                {
                    memory.Dispose();
                }
            }
        }

        var file = Path.Combine(_temp.Path, "memory.pt");
        var export = await HostRun.StartAsync(
            ["memory", "export", buffer.Name, file, "--workspace", Path.Combine(_temp.Path, "work.db"), "--plugins", RepositoryPaths.BuiltInPlugins]);
        export.ExitCode.Should().Be(0, export.Error);
        using var exported = PyTorchSetFile.Import(file, new SetProvenance { Method = "x", Dataset = "x", ImagesPerClass = 0, Seed = 0 });
        exported.SoftLabels!.shape.Should().Equal([20L, 10]);
    }

    [Fact]
    public async Task ARunStoppedAfterAStepResumesWithItsStoredMemoryAndResultsAndEndsWithTheSameNumbers()
    {
        string[] settings = ["--Scenarios:continual:Learners:0=replay", "--Scenarios:continual:Learners:1=gdumb"];
        using var interrupt = new CancellationTokenSource();
        var stopped = await HostRun.StartAsync(
            Arguments("interrupted.db", settings),
            services => services.AddSingleton<IWorkspaceStore>(provider =>
                new CheckpointInterruptingStore(provider.GetRequiredService<LiteDbWorkspaceStore>(), interrupt, after: 2)),
            interrupt.Token);
        stopped.ExitCode.Should().Be(130);

        var resumed = await RunAsync("interrupted.db", settings);
        resumed.ExitCode.Should().Be(0, resumed.Error);
        var straight = await RunAsync("straight.db", settings);
        straight.ExitCode.Should().Be(0, straight.Error);

        var a = JsonNode.Parse(resumed.Out)!;
        var b = JsonNode.Parse(straight.Out)!;
        var replay = a["results"]!.AsArray().Single(r => (string?)r!["learner"] == "replay")!;
        ((int)replay["orders"]![0]!["resumed_from_step"]!).Should().Be(2);
        ((int)a["memory"]![0]!["steps_loaded"]!).Should().Be(5);
        Matrices(a).Should().Equal(Matrices(b));
    }

    [Fact]
    public async Task ReuseMemoryTakesTheStoredBuffersWithoutRunningAMethod()
    {
        (await RunAsync("work.db")).ExitCode.Should().Be(0);

        var reused = await RunAsync("work.db", "--Scenarios:continual:ReuseMemory=true", "--Scenarios:continual:Epochs=1", "--Scenarios:continual:MemoryMethods:0=random");
        reused.ExitCode.Should().Be(0, reused.Error);
        var memory = JsonNode.Parse(reused.Out)!["memory"]![0]!;
        ((int)memory["steps_made"]!).Should().Be(0);
        ((int)memory["steps_loaded"]!).Should().Be(5);

        var missing = await RunAsync("other.db", "--Scenarios:continual:ReuseMemory=true");
        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("no memory buffer 'test/random/order0'");
    }

    [Theory]
    [InlineData("--Scenarios:continual:Steps=3", "Steps 3 does not divide the 10 classes")]
    [InlineData("--Scenarios:continual:MemoryPerClass=40", "larger than class")]
    [InlineData("--Scenarios:continual:MemoryPerClass=0", "MemoryPerClass must be at least 1")]
    [InlineData("--Scenarios:continual:MemoryMethods:0=nosuchmethod", "nosuchmethod")]
    [InlineData("--Scenarios:continual:Learners:0=ewc", "Unknown learner 'ewc'")]
    public async Task BadSettingsAreUserErrorsThatSayWhatIsWrong(string setting, string message)
    {
        var run = await RunAsync("work.db", setting);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
    }

    [Fact]
    public async Task ABufferNameTakenByOtherSettingsIsRefusedAndKeptUnlessOverwritten()
    {
        (await RunAsync("work.db")).ExitCode.Should().Be(0);

        var other = await RunAsync("work.db", "--Scenarios:continual:MemoryPerClass=3");
        other.ExitCode.Should().Be(2);
        other.Error.Should().Contain("made with other settings");
        other.Error.Should().Contain("MemoryPerClass 2 (stored) vs 3");

        var overwritten = await RunAsync("work.db", "--Scenarios:continual:MemoryPerClass=3", "--Scenarios:continual:Overwrite=true");
        overwritten.ExitCode.Should().Be(0, overwritten.Error);
        ((int)JsonNode.Parse(overwritten.Out)!["memory_per_class"]!).Should().Be(3);
    }

    [Fact]
    public async Task TheMemoryCommandsListShowExportAndDeleteABuffer()
    {
        (await RunAsync("work.db")).ExitCode.Should().Be(0);
        string[] workspace = ["--workspace", Path.Combine(_temp.Path, "work.db"), "--plugins", RepositoryPaths.BuiltInPlugins, "--output", "json"];

        var list = await HostRun.StartAsync(["memory", "list", .. workspace]);
        list.ExitCode.Should().Be(0, list.Error);
        var buffer = JsonNode.Parse(list.Out)!.AsArray().Should().ContainSingle().Which!;
        ((string?)buffer["name"]).Should().Be("test/random/order0");
        ((bool)buffer["complete"]!).Should().BeTrue();

        var png = Path.Combine(_temp.Path, "memory.png");
        var show = await HostRun.StartAsync(["memory", "show", "test/random/order0", "--out", png, $"--Datasets:fashion-mnist:Path={Fixture}", .. workspace]);
        show.ExitCode.Should().Be(0, show.Error);
        File.Exists(png).Should().BeTrue();

        var pt = Path.Combine(_temp.Path, "memory.pt");
        var export = await HostRun.StartAsync(["memory", "export", "test/random/order0", pt, .. workspace]);
        export.ExitCode.Should().Be(0, export.Error);
        File.ReadAllBytes(pt)[..2].Should().Equal("PK"u8.ToArray());

        var delete = await HostRun.StartAsync(["memory", "delete", "test/random/order0", .. workspace]);
        delete.ExitCode.Should().Be(0, delete.Error);
        JsonNode.Parse((await HostRun.StartAsync(["memory", "list", .. workspace])).Out)!.AsArray().Should().BeEmpty();
        var again = await HostRun.StartAsync(["memory", "delete", "test/random/order0", .. workspace]);
        again.ExitCode.Should().Be(2);
        again.Error.Should().Contain("no memory buffer named 'test/random/order0'");
    }

    private static List<string> Matrices(JsonNode report) =>
        report["results"]!.AsArray().Select(r => r!["orders"]!.ToJsonString() + r["task_incremental"]!["accuracy_matrix"]!.ToJsonString())
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s, "\"(resumed_from_step|seconds)\":[^,}]*", string.Empty))
            .ToList();

    [Fact]
    public async Task TheContinualCommandRunsContinualFilesOnlyAndItsReuseFlagSetsTheSetting()
    {
        var reuse = Arguments("empty.db", "--reuse-memory");
        reuse[0] = "continual";
        var missing = await HostRun.StartAsync(reuse);
        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("ReuseMemory is on but there is no memory buffer");

        var benchmark = Path.Combine(_temp.Path, "benchmark.json");
        File.WriteAllText(benchmark, """{ "scenario": "benchmark" }""");
        var other = await HostRun.StartAsync(["continual", benchmark, "--workspace", Path.Combine(_temp.Path, "empty.db"), "--plugins", RepositoryPaths.BuiltInPlugins]);
        other.ExitCode.Should().Be(2);
        other.Error.Should().Contain("is an experiment for the 'benchmark' scenario");
    }

    private Task<HostRun> RunAsync(string workspace, params string[] settings) => HostRun.StartAsync(Arguments(workspace, settings));

    private List<string> Arguments(string workspace, params string[] settings)
    {
        var experiment = Path.Combine(_temp.Path, "continual.json");
        File.WriteAllText(experiment, """
            {
              "scenario": "continual",
              "Scenarios": {
                "continual": {
                  "Dataset": "fashion-mnist", "Steps": 5, "ClassOrders": 1, "Seed": 0, "MemoryPerClass": 2,
                  "Architecture": "convnet:d1-w8", "Epochs": 2, "RealDataEpochs": 1, "BufferName": "test"
                }
              },
              "Methods": { "herding": { "PretrainEpochs": 1 } }
            }
            """);
        return
        [
            "run", experiment, "--output", "json",
            "--workspace", Path.Combine(_temp.Path, workspace),
            "--plugins", RepositoryPaths.BuiltInPlugins,
            "--device", "cpu",
            $"--Datasets:fashion-mnist:Path={Fixture}",
            "--Datasets:AllowDownload=false",
            $"--Output:Directory={Path.Combine(_temp.Path, "out")}",
            .. settings,
        ];
    }
}
