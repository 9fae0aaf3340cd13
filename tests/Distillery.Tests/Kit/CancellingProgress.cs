using Distillery.Progress;

namespace Distillery.Tests.Kit;

/// <summary>
/// A progress reporter that cancels <paramref name="interrupt"/> once its tasks together have advanced by
/// <paramref name="after"/>: a stop right after that much finished work, e.g. after iteration 3 of a method.
/// </summary>
internal sealed class CancellingProgress(CancellationTokenSource interrupt, double after) : IProgressReporter
{
    private double _done;

    public IProgressTask Start(string description, double total) => new Task(this);

    private void Advance(double amount)
    {
        _done += amount;
        if (amount > 0 && _done >= after)
        {
            interrupt.Cancel();
        }
    }

    private sealed class Task(CancellingProgress owner) : IProgressTask
    {
        public void Advance(double amount = 1) => owner.Advance(amount);

        public void Describe(string description)
        {
        }

        public void Dispose()
        {
        }
    }
}
