using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Methods;
using Distillery.Plugins;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Tests.Kit;
using Distillery.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Host;

[Collection(TestPluginCollection.Name)]
public sealed class CommandLineTests(TestPluginFolder plugins)
{
    private string[] WithPlugins(params string[] args) => [.. args, "--plugins", plugins.Path, "--Plugins:Disabled:0=h.disabled"];

    private static void Fakes(IServiceCollection services)
    {
        services.AddSingleton<ISetEvaluationRunner, FixedEvaluationRunner>();
        services.AddSingleton<IDistillationRunner, UnreachableDistillationRunner>();
        services.AddSingleton<IWorkspaceStore, EmptyWorkspaceStore>();
    }

    [Fact]
    public async Task PluginsAsJsonIsOneDocumentListingQuarantinedPluginsWithReasons()
    {
        var run = await HostRun.StartAsync(WithPlugins("plugins", "--output", "json"));

        run.ExitCode.Should().Be(0);
        var rows = JsonNode.Parse(run.Out)!.AsArray().Select(r => r!.AsObject()).ToList();
        var good = rows.Single(r => (string?)r["name"] == "good-method" && (string?)r["plugin"] == "a.good");
        ((string?)good["kind"]).Should().Be("method");
        ((string?)good["plugin"]).Should().Be("a.good");
        ((string?)good["version"]).Should().Be("1.2.3");
        ((string?)good["status"]).Should().Be("Active");
        ((string?)good["help"]).Should().Be("A good method.");
        good.ContainsKey("reason").Should().BeFalse();

        var contract = rows.Single(r => (string?)r["plugin"] == "d.contract-three");
        ((string?)contract["status"]).Should().Be("NotSupported");
        ((string?)contract["reason"]).Should().Contain($"contract {DistilleryContract.Version}");
        ((string?)rows.Single(r => (string?)r["plugin"] == "h.disabled")["status"]).Should().Be("Disabled");
        ((string?)rows.Single(r => (string?)r["plugin"] == "B.Garbage")["status"]).Should().Be("Malfunctioned");
        var duplicate = rows.Single(r => (string?)r["name"] == "good-method" && (string?)r["plugin"] == "z.duplicate");
        ((string?)duplicate["status"]).Should().Be("Malfunctioned");
        ((string?)duplicate["reason"]).Should().Contain("a.good");
    }

    [Fact]
    public async Task PluginsAsTextIsATableWithOneRowPerComponentOrUnloadedPlugin()
    {
        var run = await HostRun.StartAsync(WithPlugins("plugins"));
        var json = await HostRun.StartAsync(WithPlugins("plugins", "--output", "json"));

        run.ExitCode.Should().Be(0);
        var table = TextTable.Parse(run.Out);
        table.Header.Should().Equal("Kind", "Name", "Plugin", "Version", "Status", "Help");
        var expected = JsonNode.Parse(json.Out)!.AsArray()
            .Select(r => string.Join(" ", new[] { "kind", "name", "plugin", "version", "status" }.Select(k => TextTable.Compact((string)r![k]!))))
            .ToList();
        expected.Should().Contain("method good-method a.good 1.2.3 Active").And.Contain("plugin h.disabled h.disabled 1.0 Disabled");
        table.Rows.Select(r => string.Join(" ", r.Take(5))).Should().BeEquivalentTo(expected);
        table.Rows.Should().ContainSingle(r => r[1] == "e.throwing-constructor").Which[5].Should().Contain("constructorexploded");
    }

    [Fact]
    public async Task UnknownCommandIsAUserErrorListingTheCommands()
    {
        var run = await HostRun.StartAsync(WithPlugins("distil"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("distill, evaluate");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task UnknownMethodIsAUserErrorListingTheKnownMethods()
    {
        var run = await HostRun.StartAsync(
            WithPlugins("distill", "--method", "nope", "--dataset", "any", "--ipc", "1", "--output", "json"), Fakes);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Unknown method 'nope'. Known methods: good-method, z-other.");
        JsonNode.Parse(run.Out)!["error"]!["code"]!.GetValue<int>().Should().Be(2);
    }

    [Theory]
    [InlineData("--device", "gpu", "Distillery:Device")]
    [InlineData("--Evaluation:Epochs=0", null, "Evaluation:Epochs")]
    [InlineData("--Evaluation:Epochs=many", null, "Evaluation:Epochs")]
    [InlineData("--Methods:good-method:Level=11", null, "Methods:good-method:Level")]
    public async Task BadSettingIsAUserErrorNamingTheKey(string option, string? value, string key)
    {
        string[] extra = value is null ? [option] : [option, value];
        var run = await HostRun.StartAsync(WithPlugins(["plugins", .. extra]));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(key);
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task BadArgumentValueIsAUserError()
    {
        var run = await HostRun.StartAsync(WithPlugins("distill", "--method", "good-method", "--dataset", "x", "--ipc", "0"), Fakes);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--ipc");
    }

    [Fact]
    public async Task EvaluateAsJsonHasResultsAndBaseline()
    {
        var runner = new FixedEvaluationRunner();
        var run = await HostRun.StartAsync(
            WithPlugins("evaluate", "my-set", "--arch", "good-arch,good-arch:small", "--epochs", "7", "--networks", "2", "--output", "json"),
            services =>
            {
                Fakes(services);
                services.AddSingleton<ISetEvaluationRunner>(runner);
            });

        run.ExitCode.Should().Be(0);
        var json = JsonNode.Parse(run.Out)!.AsObject();
        ((string?)json["set"]).Should().Be("my-set");
        ((int?)json["ipc"]).Should().Be(10);
        var results = json["results"]!.AsArray();
        results.Select(r => (string?)r!["arch"]).Should().Equal(["good-arch", "good-arch:small"]);
        ((double)results[0]!["mean"]!).Should().BeApproximately(0.81, 5e-7);
        ((double)results[0]!["std"]!).Should().BeApproximately(0.01, 5e-7);
        results[0]!["runs"]!.AsArray().Count.Should().Be(2);
        ((double)json["baseline"]![0]!["mean"]!).Should().BeApproximately(0.52, 5e-7);

        runner.Job!.Options.Epochs.Should().Be(7);
        runner.Job.Options.Networks.Should().Be(2);
        run.Error.Should().Contain("evaluate"); // progress goes to stderr
    }

    [Fact]
    public async Task EvaluateAsTextShowsPercentages()
    {
        var run = await HostRun.StartAsync(WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--no-baseline"), Fakes);

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("81.00 ± 1.00");
    }

    [Fact]
    public async Task EvaluateBaselineOnlyLeavesTheSetOut()
    {
        var runner = new FixedEvaluationRunner();
        var run = await HostRun.StartAsync(
            WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--baseline-only"),
            services =>
            {
                Fakes(services);
                services.AddSingleton<ISetEvaluationRunner>(runner);
            });

        run.ExitCode.Should().Be(0);
        runner.Job!.StoredSet.Should().BeFalse();
        runner.Job.RandomBaseline.Should().BeTrue();
        run.Out.Should().Contain("52.00 ± 2.00");
        run.Out.Should().NotContain("81.00");
    }

    [Fact]
    public async Task EvaluateRefusesToLeaveOutBothTheSetAndTheBaseline()
    {
        var run = await HostRun.StartAsync(WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--no-baseline", "--baseline-only"), Fakes);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--baseline-only");
    }

    [Fact]
    public async Task EvaluateRejectsAnOutOfRangeOverride()
    {
        var run = await HostRun.StartAsync(WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--networks", "0"), Fakes);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--networks");
    }

    [Fact]
    public async Task SetsListAsJsonIsAnArrayDescribingEachStoredSet()
    {
        using var workspace = new TempWorkspace();
        var store = workspace.Open();
        using (var dm = TempWorkspace.MakeSet(provenance: FiniteProvenance("dm", seed: 7)))
        {
            await store.SaveSetAsync("dm-fm-2", dm, overwrite: false, CancellationToken.None);
        }

        using (var herding = TempWorkspace.MakeSet(seed: 3, provenance: FiniteProvenance("herding", seed: 3)))
        {
            await store.SaveSetAsync("herding-fm-2", herding, overwrite: false, CancellationToken.None);
        }

        var run = await HostRun.StartAsync(WithPlugins("sets", "list", "--output", "json", "--workspace", workspace.Path));

        run.ExitCode.Should().Be(0, run.Error);
        JsonDocument.Parse(run.Out).RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        JsonNode.Parse(run.Out)!.AsArray()
            .Select(s => $"{s!["name"]} {s["method"]} {s["dataset"]} ipc {s["ipc"]} seed {s["seed"]} shape {s["shape"]!.ToJsonString()}")
            .Should().BeEquivalentTo(new[]
            {
                "dm-fm-2 dm fashion-mnist ipc 2 seed 7 shape [6,1,4,4]",
                "herding-fm-2 herding fashion-mnist ipc 2 seed 3 shape [6,1,4,4]",
            });
    }

    private static SetProvenance FiniteProvenance(string method, long seed) =>
        TempWorkspace.Provenance(method, seed) with { Metrics = new Dictionary<string, double> { ["loss"] = 0.25 } };

    [Fact]
    public async Task MissingSetIsAUserError()
    {
        var run = await HostRun.StartAsync(WithPlugins("sets", "delete", "absent"), Fakes);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("absent");
    }

    [Fact]
    public async Task RunWithAMissingFileIsAUserError()
    {
        var run = await HostRun.StartAsync(WithPlugins("run", "no-such-experiment.json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("does not exist");
    }

    [Fact]
    public async Task RunWithInvalidJsonIsAUserErrorWithTheLine()
    {
        using var temp = new TemporaryFolder();
        var file = temp.Combine("broken.json");
        await File.WriteAllTextAsync(file, "{\n  \"scenario\": \"benchmark\",\n  \"Methods\": { oops }\n}");

        var run = await HostRun.StartAsync(WithPlugins("run", file));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("not valid JSON (line 3");
    }

    [Fact]
    public async Task RunWithAnUnknownScenarioIsAUserError()
    {
        using var temp = new TemporaryFolder();
        var file = temp.Combine("experiment.json");
        await File.WriteAllTextAsync(file, """{ "scenario": "nope", "Evaluation": { "Epochs": 3 } }""");

        var run = await HostRun.StartAsync(WithPlugins("run", file, "--output", "json"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Unknown scenario 'nope'");
        JsonNode.Parse(run.Out)!["error"]!["kind"]!.GetValue<string>().Should().Be("user");
    }

    [Fact]
    public async Task ExperimentFileSettingsAreValidatedAtStart()
    {
        using var temp = new TemporaryFolder();
        var file = temp.Combine("experiment.json");
        await File.WriteAllTextAsync(file, """{ "scenario": "benchmark", "Evaluation": { "Networks": 0 } }""");

        var run = await HostRun.StartAsync(WithPlugins("run", file));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Evaluation:Networks");
    }

    [Fact]
    public async Task CancellationBeforeAnythingWasKeptExitsWith130AndSaysARerunStartsOver()
    {
        using var cancellation = new CancellationTokenSource();
        var running = HostRun.StartAsync(
            WithPlugins("distill", "--method", "good-method", "--dataset", "good-data", "--ipc", "1", "--arch", "good-arch"),
            services =>
            {
                Fakes(services);
                services.AddSingleton<IDistillationRunner, WaitingDistillationRunner>();
            },
            cancellation.Token);
        await Task.Delay(500);
        await cancellation.CancelAsync();
        var run = await running;

        run.ExitCode.Should().Be(130);
        run.Error.Should().Contain("Stopped before anything could be kept; a rerun starts from the beginning.");
    }

    [Fact]
    public async Task InternalFailureExitsWith1WithoutAStackTraceUnlessVerbose()
    {
        static void Failing(IServiceCollection services)
        {
            Fakes(services);
            services.AddSingleton<IDistillationRunner, FailingDistillationRunner>();
        }

        string[] args = ["distill", "--method", "good-method", "--dataset", "good-data", "--ipc", "1", "--arch", "good-arch"];
        var quiet = await HostRun.StartAsync(WithPlugins(args), Failing);
        var verbose = await HostRun.StartAsync(WithPlugins([.. args, "--verbose"]), Failing);

        quiet.ExitCode.Should().Be(1);
        quiet.Error.Should().Contain("runner broke");
        quiet.Error.Should().Contain("--verbose");
        quiet.Error.Should().NotContain("   at ");
        verbose.ExitCode.Should().Be(1);
        verbose.Error.Should().Contain("   at ");
    }
}
