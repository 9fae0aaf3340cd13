using System.Diagnostics;
using Distillery.Runs;

namespace Distillery.Tests.Runs;

public sealed class RunClockTests
{
    [Fact]
    public void TimeSetAsideIsLeftOutOfTheWallSeconds()
    {
        var clock = new RunClock();
        var wall = Stopwatch.StartNew();
        using (clock.SetAside())
        {
            Thread.Sleep(300);
        }

        clock.Seconds.Should().BeLessThan(wall.Elapsed.TotalSeconds - 0.25);
    }

    [Fact]
    public void WorkOutsideTheAsideCountsInTheProcessorSeconds()
    {
        var clock = new RunClock();
        Spin(TimeSpan.FromMilliseconds(400));

        // Other threads of the process can only add to the figure.
        clock.ProcessorSeconds.Should().BeGreaterThanOrEqualTo(0.4);
    }

    [Fact]
    public void DisposingAnAsideTwiceSetsTheTimeAsideOnce()
    {
        var clock = new RunClock();
        var aside = clock.SetAside();
        Thread.Sleep(100);
        aside.Dispose();
        aside.Dispose();
        Thread.Sleep(150);

        clock.Seconds.Should().BeGreaterThanOrEqualTo(0.15);
    }

    private static void Spin(TimeSpan duration)
    {
        using var processor = Process.GetCurrentProcess();
        var start = processor.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var x = 0.0;
        while (wall.Elapsed < TimeSpan.FromSeconds(20))
        {
            for (var i = 0; i < 100_000; i++)
            {
                x += Math.Sqrt(i);
            }

            processor.Refresh();
            if (processor.TotalProcessorTime - start >= duration)
            {
                break;
            }
        }

        GC.KeepAlive(x);
    }
}
