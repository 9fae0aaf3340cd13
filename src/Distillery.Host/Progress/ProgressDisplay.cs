using Distillery.Host.Output;
using Distillery.Progress;
using Spectre.Console;

namespace Distillery.Host.Progress;

/// <summary>
/// Shows the progress of a command's work on stderr: live progress bars when stderr is a terminal, plain throttled
/// lines otherwise (logs, CI, pipes).
/// </summary>
public sealed class ProgressDisplay(Terminal terminal, TimeProvider time)
{
    public async Task<T> RunAsync<T>(Func<IProgressReporter, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!terminal.Streams.ErrorIsTerminal)
        {
            return await work(new PlainProgressReporter(terminal.Streams.Error, time)).ConfigureAwait(false);
        }

        return await terminal.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(context => work(new SpectreProgressReporter(context)))
            .ConfigureAwait(false);
    }
}
