using System.Text.Json.Nodes;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Runs;
using Distillery.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Host;

/// <summary>What the host says when a command is stopped: from where a rerun resumes, what was kept, or that nothing was.</summary>
[Collection(TestPluginCollection.Name)]
public sealed class InterruptionReportTests(TestPluginFolder plugins)
{
    private static readonly string[] Distill = ["distill", "--method", "good-method", "--dataset", "good-data", "--ipc", "1", "--arch", "good-arch"];

    [Fact]
    public async Task ARunStoppedAfterIteration36SaysARerunResumesFromIteration37()
    {
        var run = await StopAsync(Distill, token => RunStoppedException.AfterIteration(36, token));

        run.ExitCode.Should().Be(130);
        run.Error.Should().Contain("Stopped. The run will resume from iteration 37 when you run the same command again.");
        run.Error.Should().NotContain("Finished work and checkpoints are kept");
    }

    [Fact]
    public async Task UnderJsonOutputAStopIsOneDocumentWithTheIterationARerunResumesFrom()
    {
        var run = await StopAsync([.. Distill, "--output", "json"], token => RunStoppedException.AfterIteration(36, token));

        run.ExitCode.Should().Be(130);
        var error = JsonNode.Parse(run.Out)!["error"]!;
        error["code"]!.GetValue<int>().Should().Be(130);
        error["kind"]!.GetValue<string>().Should().Be("cancelled");
        error["resume_from"]!.GetValue<int>().Should().Be(37);
    }

    [Fact]
    public async Task ARunThatKeptPartOfItsWorkNamesIt()
    {
        var run = await StopAsync(Distill, token => RunStoppedException.Keeping("the trained embedding network", token));

        run.ExitCode.Should().Be(130);
        run.Error.Should().Contain("Stopped. The trained embedding network is kept");
    }

    [Fact]
    public async Task ARunThatKeptNothingSaysARerunStartsFromTheBeginning()
    {
        var run = await StopAsync([.. Distill, "--output", "json"], token => RunStoppedException.KeepingNothing(token));

        run.ExitCode.Should().Be(130);
        run.Error.Should().Contain("Stopped before anything could be kept; a rerun starts from the beginning.");
        JsonNode.Parse(run.Out)!["error"]!["resume_from"].Should().BeNull();
    }

    [Fact]
    public async Task AStoppedEvaluationSaysItKeepsNoPartialWork()
    {
        using var cancellation = new CancellationTokenSource();
        var running = HostRun.StartAsync(
            WithPlugins("evaluate", "my-set", "--arch", "good-arch"),
            services =>
            {
                services.AddSingleton<ISetEvaluationRunner, WaitingEvaluationRunner>();
                services.AddSingleton<IWorkspaceStore, EmptyWorkspaceStore>();
            },
            cancellation.Token);
        await Task.Delay(500);
        await cancellation.CancelAsync();
        var run = await running;

        run.ExitCode.Should().Be(130);
        run.Error.Should().Contain("Stopped. 'evaluate' keeps no partial work: running it again starts over.");
    }

    private string[] WithPlugins(params string[] args) => [.. args, "--plugins", plugins.Path, "--Plugins:Disabled:0=h.disabled"];

    private async Task<HostRun> StopAsync(string[] args, Func<CancellationToken, RunStoppedException> stop)
    {
        using var cancellation = new CancellationTokenSource();
        var running = HostRun.StartAsync(
            WithPlugins(args),
            services =>
            {
                services.AddSingleton<ISetEvaluationRunner, FixedEvaluationRunner>();
                services.AddSingleton<IWorkspaceStore, EmptyWorkspaceStore>();
                services.AddSingleton<IDistillationRunner>(new StoppingDistillationRunner(stop));
            },
            cancellation.Token);
        await Task.Delay(500);
        await cancellation.CancelAsync();
        return await running;
    }

    /// <summary>Waits to be cancelled, then stops as a method that kept what <paramref name="stop"/> says.</summary>
    private sealed class StoppingDistillationRunner(Func<CancellationToken, RunStoppedException> stop) : IDistillationRunner
    {
        public async Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken)
        {
            await WaitAsync(cancellationToken);
            throw stop(cancellationToken);
        }

        public async Task<SyntheticSet> DistillAsync(DistillationJob job, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken)
        {
            await WaitAsync(cancellationToken);
            throw stop(cancellationToken);
        }

        private static async Task WaitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private sealed class WaitingEvaluationRunner : ISetEvaluationRunner
    {
        public async Task<SetEvaluationReport> EvaluateAsync(SetEvaluationJob job, IProgressReporter progress, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
