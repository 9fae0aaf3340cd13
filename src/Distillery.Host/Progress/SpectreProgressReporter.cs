using Distillery.Progress;
using Spectre.Console;

namespace Distillery.Host.Progress;

/// <summary>One Spectre progress bar per task.</summary>
internal sealed class SpectreProgressReporter(ProgressContext context) : IProgressReporter
{
    public IProgressTask Start(string description, double total)
    {
        var task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: total > 0 ? total : 1);
        return new Task(task);
    }

    private sealed class Task(ProgressTask task) : IProgressTask
    {
        public void Advance(double amount = 1) => task.Increment(amount);

        public void Describe(string description) => task.Description = Markup.Escape(description);

        public void Dispose()
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
