using System.Globalization;
using Distillery.Progress;

namespace Distillery.Host.Progress;

/// <summary>
/// Progress as plain lines for a log: one when a task starts, then at most one every
/// <see cref="Interval"/> or each tenth of the way, and one when it ends.
/// </summary>
public sealed class PlainProgressReporter(TextWriter writer, TimeProvider time) : IProgressReporter
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();

    private TimeProvider Time { get; } = time;

    public IProgressTask Start(string description, double _total)
    {
        var task = new Task(this, description, _total, Time.GetTimestamp());
        Write($"{description}: started");
        return task;
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private sealed class Task : IProgressTask
    {
        private readonly Lock _lock = new();
        private readonly PlainProgressReporter _owner;
        private readonly double _total;
        private readonly long _started;
        private string _description;
        private double _done;
        private int _lastTenth;
        private long _lastLine;
        private bool _disposed;

        public Task(PlainProgressReporter owner, string description, double total, long started)
        {
            _owner = owner;
            _description = description;
            _total = total;
            _started = started;
            _lastLine = started;
        }

        public void Advance(double amount = 1)
        {
            string? line = null;
            lock (_lock)
            {
                _done += amount;
                var now = _owner.Time.GetTimestamp();
                var tenth = _total > 0 ? (int)Math.Floor(Math.Min(_done / _total, 1) * 10) : 0;
                if (tenth > _lastTenth || _owner.Time.GetElapsedTime(_lastLine, now) >= Interval)
                {
                    _lastTenth = Math.Max(tenth, _lastTenth);
                    _lastLine = now;
                    line = Format(now);
                }
            }

            if (line is not null)
            {
                _owner.Write(line);
            }
        }

        public void Describe(string value)
        {
            lock (_lock)
            {
                _description = value;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            var seconds = _owner.Time.GetElapsedTime(_started).TotalSeconds;
            _owner.Write(string.Create(CultureInfo.InvariantCulture, $"{_description}: done in {seconds:F1} s"));
        }

        private string Format(long now)
        {
            var seconds = _owner.Time.GetElapsedTime(_started, now).TotalSeconds;
            return _total > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{_description}: {_done / _total * 100:F0}% ({_done:0.##}/{_total:0.##}), {seconds:F0} s")
                : string.Create(CultureInfo.InvariantCulture, $"{_description}: {_done:0.##}, {seconds:F0} s");
        }
    }
}
