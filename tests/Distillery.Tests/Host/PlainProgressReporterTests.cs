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
        lines[0].Should().Be("distill: started");
        (lines.Count(l => l.Contains('%', StringComparison.Ordinal)) - 1).Should().Be(10); // ten tenths, plus the timed line
        lines[1].Should().Contain("distill: 10% (100/1000)");
        lines[^2].Should().StartWith("distill, loss 0.5: 100%");
        lines[^1].Should().Be("distill, loss 0.5: done in 6.0 s");
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
