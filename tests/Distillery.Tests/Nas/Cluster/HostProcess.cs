using System.Diagnostics;
using System.Text;
using Distillery.Tests.Host;

namespace Distillery.Tests.Nas.Cluster;

/// <summary>
/// The built command line in a process of its own, as a cluster's members run: one process holds one Orleans member
/// (this test process, which loads the plugins many times over, cannot), and a test can kill it. Its output is kept.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_out, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_error, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Standard output and standard error so far.</summary>
    public string Output => $"{Read(_out)}{Read(_error)}";

    public static HostProcess Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new HostProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the process has written <paramref name="text"/>.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The process did not write '{text}' within {timeout} (exited: {_process.HasExited}). It wrote:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the process to end, up to <paramref name="timeout"/>, and returns what it wrote.</summary>
    public async Task<HostRun> ExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        _process.WaitForExit(); // and the last of its output
        return new HostRun(_process.ExitCode, Read(_out), Read(_error));
    }

    /// <summary>SIGKILL: no goodbye to the cluster.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
