using Distillery.Host.Progress;

namespace Distillery.Tests.Host;

public sealed class PlainProgressReporterTests
{
    [Fact]
    public void WritesEachTenthAndEveryFewSecondsButNotEachStep()
    {
        var time = new ManualTime();
        var writer = new StringWriter();
        var reporter = new PlainProgressReporter(writer, time);

        using (var task = reporter.Start("distill", 1000))
        {
            for (var i = 0; i < 1000; i++)
            {
                task.Advance();
            }

            task.Describe("distill, loss 0.5");
            time.Advance(TimeSpan.FromSeconds(6));
            task.Advance(0);
        }

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("distill: started", lines[0]);
        Assert.Equal(10, lines.Count(l => l.Contains('%', StringComparison.Ordinal)) - 1); // ten tenths, plus the timed line
        Assert.Contains("distill: 10% (100/1000)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("distill, loss 0.5: 100%", lines[^2], StringComparison.Ordinal);
        Assert.Equal("distill, loss 0.5: done in 6.0 s", lines[^1]);
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
