using System.Text.Json.Nodes;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Storage;
using Distillery.Tests.EndToEnd;
using Distillery.Tests.Host;
using Distillery.Tests.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Continual;

/// <summary>
/// The continual scenario driven through the command line on the committed Fashion-MNIST fixture (10 training and
/// 5 test images per class) with a tiny ConvNet and a few epochs.
/// </summary>
[Collection(GlobalTorchRandomCollection.Name)]
public sealed class ContinualRunTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_reports_the_matrix_average_accuracy_and_forgetting_per_memory_method_and_stores_the_memory()
    {
        var run = await RunAsync("work.db", "--Scenarios:continual:MemoryMethods:0=random", "--Scenarios:continual:MemoryMethods:1=herding");
        Assert.True(run.ExitCode == 0, run.Error);

        var report = JsonNode.Parse(run.Out)!;
        var results = report["results"]!.AsArray();
        Assert.Equal(["gdumb random", "gdumb herding"], results.Select(r => $"{r!["learner"]} {r["memory_method"]}"));
        foreach (var result in results)
        {
            var matrix = result!["accuracy_matrix"]!.AsArray();
            Assert.Equal(5, matrix.Count);
            Assert.Equal(Enumerable.Range(1, 5), matrix.Select(row => row!.AsArray().Count));
            Assert.Equal(5, result["average_accuracy"]!.AsArray().Count);
            Assert.InRange((double)result["forgetting"]!, -1.0, 1.0);
            Assert.InRange((double)result["backward_transfer"]!, -1.0, 1.0);
            Assert.Equal(5, result["task_incremental"]!["accuracy_matrix"]!.AsArray().Count);
        }

        var orders = report["class_orders"]!.AsArray();
        Assert.Single(orders);
        Assert.All(report["files"]!.AsArray(), file => Assert.True(File.Exists((string)file!)));

        using var workspace = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = Path.Combine(_temp.Path, "work.db") });
        var buffers = await new MemoryBufferStore(workspace.For(MemoryBufferStore.Owner)).ListAsync(CancellationToken.None);
        Assert.Equal(["test/herding/order0", "test/random/order0"], buffers.Select(b => b.Name));
        Assert.All(buffers, b => Assert.True(b.IsComplete));
        Assert.All(buffers, b => Assert.Equal(20, b.Images));
    }

    [Fact]
    public async Task A_run_stopped_after_a_step_resumes_with_its_stored_memory_and_results_and_ends_with_the_same_numbers()
    {
        string[] settings = ["--Scenarios:continual:Learners:0=replay", "--Scenarios:continual:Learners:1=gdumb"];
        using var interrupt = new CancellationTokenSource();
        var stopped = await HostRun.StartAsync(
            Arguments("interrupted.db", settings),
            services => services.AddSingleton<IWorkspaceStore>(provider =>
                new CheckpointInterruptingStore(provider.GetRequiredService<LiteDbWorkspaceStore>(), interrupt, after: 2)),
            interrupt.Token);
        Assert.Equal(130, stopped.ExitCode);

        var resumed = await RunAsync("interrupted.db", settings);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var straight = await RunAsync("straight.db", settings);
        Assert.True(straight.ExitCode == 0, straight.Error);

        var a = JsonNode.Parse(resumed.Out)!;
        var b = JsonNode.Parse(straight.Out)!;
        var replay = a["results"]!.AsArray().Single(r => (string?)r!["learner"] == "replay")!;
        Assert.Equal(2, (int)replay["orders"]![0]!["resumed_from_step"]!);
        Assert.Equal(5, (int)a["memory"]![0]!["steps_loaded"]!);
        Assert.Equal(Matrices(b), Matrices(a));
    }

    [Fact]
    public async Task Reuse_memory_takes_the_stored_buffers_without_running_a_method()
    {
        Assert.Equal(0, (await RunAsync("work.db")).ExitCode);

        var reused = await RunAsync("work.db", "--Scenarios:continual:ReuseMemory=true", "--Scenarios:continual:Epochs=1", "--Scenarios:continual:MemoryMethods:0=random");
        Assert.True(reused.ExitCode == 0, reused.Error);
        var memory = JsonNode.Parse(reused.Out)!["memory"]![0]!;
        Assert.Equal(0, (int)memory["steps_made"]!);
        Assert.Equal(5, (int)memory["steps_loaded"]!);

        var missing = await RunAsync("other.db", "--Scenarios:continual:ReuseMemory=true");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no memory buffer 'test/random/order0'", missing.Error);
    }

    [Theory]
    [InlineData("--Scenarios:continual:Steps=3", "Steps 3 does not divide the 10 classes")]
    [InlineData("--Scenarios:continual:MemoryPerClass=40", "larger than class")]
    [InlineData("--Scenarios:continual:MemoryPerClass=0", "MemoryPerClass must be at least 1")]
    [InlineData("--Scenarios:continual:MemoryMethods:0=nosuchmethod", "nosuchmethod")]
    [InlineData("--Scenarios:continual:Learners:0=ewc", "Unknown learner 'ewc'")]
    public async Task Bad_settings_are_user_errors_that_say_what_is_wrong(string setting, string message)
    {
        var run = await RunAsync("work.db", setting);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task A_buffer_name_taken_by_other_settings_is_refused_and_kept_unless_overwritten()
    {
        Assert.Equal(0, (await RunAsync("work.db")).ExitCode);

        var other = await RunAsync("work.db", "--Scenarios:continual:MemoryPerClass=3");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("made with other settings", other.Error);
        Assert.Contains("MemoryPerClass 2 (stored) vs 3", other.Error);

        var overwritten = await RunAsync("work.db", "--Scenarios:continual:MemoryPerClass=3", "--Scenarios:continual:Overwrite=true");
        Assert.True(overwritten.ExitCode == 0, overwritten.Error);
        Assert.Equal(3, (int)JsonNode.Parse(overwritten.Out)!["memory_per_class"]!);
    }

    [Fact]
    public async Task The_memory_commands_list_show_export_and_delete_a_buffer()
    {
        Assert.Equal(0, (await RunAsync("work.db")).ExitCode);
        string[] workspace = ["--workspace", Path.Combine(_temp.Path, "work.db"), "--plugins", RepositoryPaths.BuiltInPlugins, "--output", "json"];

        var list = await HostRun.StartAsync(["memory", "list", .. workspace]);
        Assert.True(list.ExitCode == 0, list.Error);
        var buffer = Assert.Single(JsonNode.Parse(list.Out)!.AsArray())!;
        Assert.Equal("test/random/order0", (string?)buffer["name"]);
        Assert.True((bool)buffer["complete"]!);

        var png = Path.Combine(_temp.Path, "memory.png");
        var show = await HostRun.StartAsync(["memory", "show", "test/random/order0", "--out", png, $"--Datasets:fashion-mnist:Path={Fixture}", .. workspace]);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.True(File.Exists(png));

        var pt = Path.Combine(_temp.Path, "memory.pt");
        var export = await HostRun.StartAsync(["memory", "export", "test/random/order0", pt, .. workspace]);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(pt)[..2]);

        var delete = await HostRun.StartAsync(["memory", "delete", "test/random/order0", .. workspace]);
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Empty(JsonNode.Parse((await HostRun.StartAsync(["memory", "list", .. workspace])).Out)!.AsArray());
        var again = await HostRun.StartAsync(["memory", "delete", "test/random/order0", .. workspace]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no memory buffer named 'test/random/order0'", again.Error);
    }

    private static List<string> Matrices(JsonNode report) =>
        report["results"]!.AsArray().Select(r => r!["orders"]!.ToJsonString() + r["task_incremental"]!["accuracy_matrix"]!.ToJsonString())
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s, "\"(resumed_from_step|seconds)\":[^,}]*", string.Empty))
            .ToList();

    [Fact]
    public async Task The_continual_command_runs_continual_files_only_and_its_reuse_flag_sets_the_setting()
    {
        var reuse = Arguments("empty.db", "--reuse-memory");
        reuse[0] = "continual";
        var missing = await HostRun.StartAsync(reuse);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("ReuseMemory is on but there is no memory buffer", missing.Error);

        var benchmark = Path.Combine(_temp.Path, "benchmark.json");
        File.WriteAllText(benchmark, """{ "scenario": "benchmark" }""");
        var other = await HostRun.StartAsync(["continual", benchmark, "--workspace", Path.Combine(_temp.Path, "empty.db"), "--plugins", RepositoryPaths.BuiltInPlugins]);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("is an experiment for the 'benchmark' scenario", other.Error);
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
