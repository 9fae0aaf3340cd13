using System.Runtime.InteropServices;
using Distillery.Host.Output;

namespace Distillery.Host;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (cancellation.IsCancellationRequested)
            {
                return; // A second Ctrl+C ends the process at once.
            }

            e.Cancel = true;
            Console.Error.WriteLine("Stopping after the current step (Ctrl+C again to abort)...");
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            // Stop like Ctrl+C: the current step ends, checkpoints stay, the exit code says it was cancelled.
            context.Cancel = true;
            Console.Error.WriteLine("Terminated: stopping after the current step...");
            cancellation.Cancel();
        });

        return await DistilleryApp.RunAsync(args, ConsoleStreams.System(), configureServices: null, cancellation.Token).ConfigureAwait(false);
    }
}
