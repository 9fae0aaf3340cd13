using System.Diagnostics;

namespace Distillery.Runs;

/// <summary>
/// The wall and processor time of a run, less the time set aside for work that is not the run's own (evaluating
/// snapshots): this process's, plus, for a resumed run, what earlier processes spent up to the checkpoint it resumed
/// from (<see cref="ContinueFrom"/>). Processor time is the whole process's, every thread together, so on a machine
/// shared with other work it is the fairer measure of what the run cost.
/// </summary>
public sealed class RunClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _processorAtStart = ProcessorTime();
    private TimeSpan _wallAside;
    private TimeSpan _processorAside;
    private double _earlierSeconds;
    private double _earlierProcessorSeconds;

    /// <summary>Wall seconds of the run so far.</summary>
    public double Seconds => _earlierSeconds + (_wall.Elapsed - _wallAside).TotalSeconds;

    /// <summary>Processor seconds of the run so far, all threads.</summary>
    public double ProcessorSeconds => _earlierProcessorSeconds + (ProcessorTime() - _processorAtStart - _processorAside).TotalSeconds;

    /// <summary>
    /// Counts <paramref name="seconds"/> and <paramref name="processorSeconds"/> that earlier processes spent on the run
    /// (up to the checkpoint this one resumed from) before this process's own time. Setting them again replaces them.
    /// </summary>
    public void ContinueFrom(double seconds, double processorSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfNegative(processorSeconds);
        _earlierSeconds = seconds;
        _earlierProcessorSeconds = processorSeconds;
    }

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
