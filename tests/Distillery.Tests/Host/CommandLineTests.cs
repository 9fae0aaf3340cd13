using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Runs;
using Distillery.Storage;
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

        Assert.Equal(0, run.ExitCode);
        var rows = JsonNode.Parse(run.Out)!.AsArray().Select(r => r!.AsObject()).ToList();
        var good = rows.Single(r => (string?)r["name"] == "good-method" && (string?)r["plugin"] == "a.good");
        Assert.Equal("method", (string?)good["kind"]);
        Assert.Equal("a.good", (string?)good["plugin"]);
        Assert.Equal("1.2.3", (string?)good["version"]);
        Assert.Equal("Active", (string?)good["status"]);
        Assert.Equal("A good method.", (string?)good["help"]);
        Assert.False(good.ContainsKey("reason"));

        var contract = rows.Single(r => (string?)r["plugin"] == "d.contract-three");
        Assert.Equal("NotSupported", (string?)contract["status"]);
        Assert.Contains("contract 2.0", (string?)contract["reason"], StringComparison.Ordinal);
        Assert.Equal("Disabled", (string?)rows.Single(r => (string?)r["plugin"] == "h.disabled")["status"]);
        Assert.Equal("Malfunctioned", (string?)rows.Single(r => (string?)r["plugin"] == "B.Garbage")["status"]);
        var duplicate = rows.Single(r => (string?)r["name"] == "good-method" && (string?)r["plugin"] == "z.duplicate");
        Assert.Equal("Malfunctioned", (string?)duplicate["status"]);
        Assert.Contains("a.good", (string?)duplicate["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginsAsTextIsATable()
    {
        var run = await HostRun.StartAsync(WithPlugins("plugins"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("good-method", run.Out, StringComparison.Ordinal);
        Assert.Contains("constructor exploded", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandIsAUserErrorListingTheCommands()
    {
        var run = await HostRun.StartAsync(WithPlugins("distil"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("distill, evaluate", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMethodIsAUserErrorListingTheKnownMethods()
    {
        var run = await HostRun.StartAsync(
            WithPlugins("distill", "--method", "nope", "--dataset", "any", "--ipc", "1", "--output", "json"), Fakes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown method 'nope'. Known methods: good-method, z-other.", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
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

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArgumentValueIsAUserError()
    {
        var run = await HostRun.StartAsync(WithPlugins("distill", "--method", "good-method", "--dataset", "x", "--ipc", "0"), Fakes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--ipc", run.Error, StringComparison.Ordinal);
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

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal("my-set", (string?)json["set"]);
        Assert.Equal(10, (int?)json["ipc"]);
        var results = json["results"]!.AsArray();
        Assert.Equal(["good-arch", "good-arch:small"], results.Select(r => (string?)r!["arch"]));
        Assert.Equal(0.81, (double)results[0]!["mean"]!, 6);
        Assert.Equal(0.01, (double)results[0]!["std"]!, 6);
        Assert.Equal(2, results[0]!["runs"]!.AsArray().Count);
        Assert.Equal(0.52, (double)json["baseline"]![0]!["mean"]!, 6);

        Assert.Equal(7, runner.Job!.Options.Epochs);
        Assert.Equal(2, runner.Job.Options.Networks);
        Assert.Contains("evaluate", run.Error, StringComparison.Ordinal); // progress goes to stderr
    }

    [Fact]
    public async Task EvaluateAsTextShowsPercentages()
    {
        var run = await HostRun.StartAsync(WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--no-baseline"), Fakes);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("81.00 ± 1.00", run.Out, StringComparison.Ordinal);
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

        Assert.Equal(0, run.ExitCode);
        Assert.False(runner.Job!.StoredSet);
        Assert.True(runner.Job.RandomBaseline);
        Assert.Contains("52.00 ± 2.00", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("81.00", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateRefusesToLeaveOutBothTheSetAndTheBaseline()
    {
        var run = await HostRun.StartAsync(WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--no-baseline", "--baseline-only"), Fakes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--baseline-only", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateRejectsAnOutOfRangeOverride()
    {
        var run = await HostRun.StartAsync(WithPlugins("evaluate", "my-set", "--arch", "good-arch", "--networks", "0"), Fakes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--networks", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetsListAsJsonIsAnArray()
    {
        var run = await HostRun.StartAsync(WithPlugins("sets", "list", "--output", "json"), Fakes);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(run.Out).RootElement.ValueKind);
    }

    [Fact]
    public async Task MissingSetIsAUserError()
    {
        var run = await HostRun.StartAsync(WithPlugins("sets", "delete", "absent"), Fakes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithAMissingFileIsAUserError()
    {
        var run = await HostRun.StartAsync(WithPlugins("run", "no-such-experiment.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithInvalidJsonIsAUserErrorWithTheLine()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("broken.json");
        await File.WriteAllTextAsync(file, "{\n  \"scenario\": \"benchmark\",\n  \"Methods\": { oops }\n}");

        var run = await HostRun.StartAsync(WithPlugins("run", file));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not valid JSON (line 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithAnUnknownScenarioIsAUserError()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("experiment.json");
        await File.WriteAllTextAsync(file, """{ "scenario": "nope", "Evaluation": { "Epochs": 3 } }""");

        var run = await HostRun.StartAsync(WithPlugins("run", file, "--output", "json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown scenario 'nope'", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task ExperimentFileSettingsAreValidatedAtStart()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("experiment.json");
        await File.WriteAllTextAsync(file, """{ "scenario": "benchmark", "Evaluation": { "Networks": 0 } }""");

        var run = await HostRun.StartAsync(WithPlugins("run", file));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Evaluation:Networks", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationExitsWith130AndSaysARerunResumes()
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

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("run the same command again to resume", run.Error, StringComparison.Ordinal);
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

        Assert.Equal(1, quiet.ExitCode);
        Assert.Contains("runner broke", quiet.Error, StringComparison.Ordinal);
        Assert.Contains("--verbose", quiet.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
    }
}
