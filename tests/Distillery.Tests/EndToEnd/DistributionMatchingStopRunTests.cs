using System.Text.Json.Nodes;
using Distillery.Storage;
using Distillery.Tests.Host;
using Distillery.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.EndToEnd;

/// <summary>
/// A <c>dm</c> run stopped through the command line on the Fashion-MNIST fixture: the message names the iteration a
/// rerun resumes from, the rerun resumes there, and the set equals an uninterrupted run's bit for bit.
/// </summary>
public sealed class DistributionMatchingStopRunTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AStoppedDmRunSaysFromWhichIterationARerunResumesAndTheRerunEndsAsAnUninterruptedRun()
    {
        using var interrupt = new CancellationTokenSource();
        var stopped = await HostRun.StartAsync(
            Arguments("stopped.db", "--output", "json"),
            services => services.AddSingleton<IWorkspaceStore>(provider =>
                new CheckpointInterruptingStore(provider.GetRequiredService<LiteDbWorkspaceStore>(), interrupt)),
            interrupt.Token);

        stopped.ExitCode.Should().Be(130, stopped.Error);
        stopped.Error.Should().Contain("Stopped. The run will resume from iteration 3 when you run the same command again.");
        JsonNode.Parse(stopped.Out)!["error"]!["resume_from"]!.GetValue<int>().Should().Be(3);

        var resumed = await HostRun.StartAsync(Arguments("stopped.db", "--output", "json"));
        resumed.ExitCode.Should().Be(0, resumed.Error);
        ((bool)JsonNode.Parse(resumed.Out)!["resumed"]!).Should().BeTrue();
        var straight = await HostRun.StartAsync(Arguments("straight.db"));
        straight.ExitCode.Should().Be(0, straight.Error);

        using var a = await LoadAsync("stopped.db");
        using var b = await LoadAsync("straight.db");
        a.Images.Should().BeBitEqualTo(b.Images);
    }

    private List<string> Arguments(string workspace, params string[] extra) =>
    [
        "distill", "--method", "dm", "--dataset", "fashion-mnist", "--ipc", "1", "--name", "dm-stop",
        .. extra,
        "--workspace", _temp.Combine(workspace),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={Fixture}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={_temp.Combine("out")}",
        "--Methods:dm:Iterations=4",
        "--Methods:dm:CheckpointEvery=2",
        "--Methods:dm:BatchReal=4",
        "--Methods:dm:Augmentation=none",
    ];

    private async Task<Distillery.Methods.SyntheticSet> LoadAsync(string workspace)
    {
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _temp.Combine(workspace) });
        return await store.LoadSetAsync("dm-stop", CancellationToken.None);
    }
}
