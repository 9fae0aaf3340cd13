using System.Diagnostics;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Tests.Host;
using Distillery.Tests.Storage;

namespace Distillery.Tests.Continual;

/// <summary>
/// Memory buffers shared between processes: the host is started as a child process on a workspace this process also
/// has open, as two researchers' runs would share one file.
/// </summary>
public sealed class CrossProcessMemoryTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ABufferHeldByAnotherProcessRefusesARunAndIsSharedOnceReleased()
    {
        var experiment = WriteExperiment();
        var store = new MemoryBufferStore(_workspace.Open().For(MemoryBufferStore.Owner));
        var settings = new MemoryBufferSettings
        {
            Dataset = "fashion-mnist",
            Method = "random",
            MethodOptionsJson = "[]",
            Architecture = "convnet:d1-w8",
            MemoryPerClass = 1,
            Seed = 0,
            Steps = [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]],
        };

        await using (await store.OpenWriterAsync(BufferName, settings, overwrite: false, CancellationToken.None))
        {
            var refused = await RunHostAsync("continual", experiment, "--overwrite");
            refused.ExitCode.Should().Be(2);
            refused.Error.Should().Contain("is being written by process");
        }

        // Released: the child run writes the buffer while this process reads the file the whole time.
        var child = StartHost("continual", experiment, "--overwrite");
        var reads = 0;
        while (!child.HasExited)
        {
            await store.ListAsync(CancellationToken.None);
            reads++;
            await Task.Delay(50);
        }

        var finished = await FinishAsync(child);
        finished.ExitCode.Should().Be(0, finished.Error);
        reads.Should().BeGreaterThan(0);
        var buffer = (await store.ListAsync(CancellationToken.None)).Should().ContainSingle(b => b.Name == BufferName).Which;
        buffer.Steps.Count.Should().Be(5);

        // A later run in another process reuses the stored memory without distilling again.
        var reused = await RunHostAsync("continual", experiment, "--reuse-memory");
        reused.ExitCode.Should().Be(0, reused.Error);
    }

    private const string BufferName = "cross-process/random/order0";

    private string WriteExperiment()
    {
        var fixture = Path.Combine(RepositoryPaths.Root, "tests", "Distillery.Tests", "Fixtures", "Datasets", "fashion-mnist");
        var path = Path.Combine(_workspace.Folder, "continual.json");
        File.WriteAllText(path, $$"""
            {
              "scenario": "continual",
              "Datasets": { "fashion-mnist": { "Path": "{{fixture}}" }, "AllowDownload": false },
              "Scenarios": {
                "continual": {
                  "Dataset": "fashion-mnist", "Steps": 5, "ClassOrders": 1, "Seed": 0, "MemoryPerClass": 1,
                  "MemoryMethods": [ "random" ], "Learners": [ "gdumb" ], "Architecture": "convnet:d1-w8",
                  "Epochs": 1, "BufferName": "cross-process"
                }
              }
            }
            """);
        return path;
    }

    private async Task<(int ExitCode, string Error)> RunHostAsync(params string[] arguments) => await FinishAsync(StartHost(arguments));

    private Process StartHost(params string[] arguments)
    {
        var host = Path.Combine(RepositoryPaths.Root, "artifacts", "distillery", "distillery.dll");
        var start = new ProcessStartInfo("dotnet", [host, .. arguments, "--workspace", _workspace.Path, "--Output:Directory=" + _workspace.Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _workspace.Folder,
        };
        start.Environment["DISTILLERY_Distillery__Threads"] = "1";
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Error)> FinishAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            await output;
            return (process.ExitCode, await error);
        }
    }
}
