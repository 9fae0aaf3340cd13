using System.Diagnostics;

namespace Distillery.Runs;

/// <summary>
/// The wall and processor time of a run in this process, less the time set aside for work that is not the run's own
/// (evaluating snapshots). Processor time is the whole process's, every thread together, so on a machine shared with
/// other work it is the fairer measure of what the run cost.
/// </summary>
public sealed class RunClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _processorAtStart = ProcessorTime();
    private TimeSpan _wallAside;
    private TimeSpan _processorAside;

    /// <summary>Wall seconds of the run so far.</summary>
    public double Seconds => (_wall.Elapsed - _wallAside).TotalSeconds;

    /// <summary>Processor seconds of the run so far, all threads.</summary>
    public double ProcessorSeconds => (ProcessorTime() - _processorAtStart - _processorAside).TotalSeconds;

    /// <summary>Leaves the time until the returned scope is disposed out of <see cref="Seconds"/> and <see cref="ProcessorSeconds"/>.</summary>
    public IDisposable SetAside() => new Aside(this);

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed class Aside(RunClock clock) : IDisposable
    {
        private readonly TimeSpan _wallStart = clock._wall.Elapsed;
        private readonly TimeSpan _processorStart = ProcessorTime();
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            clock._wallAside += clock._wall.Elapsed - _wallStart;
            clock._processorAside += ProcessorTime() - _processorStart;
        }
    }
}
