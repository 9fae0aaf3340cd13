using Microsoft.Extensions.Hosting;

namespace Distillery.Host.Hosting;

/// <summary>
/// A lifetime for a command-line tool: the command itself decides when the process ends, and Ctrl+C cancels the
/// command's token (wired in <see cref="Program"/>) rather than stopping the host under it.
/// </summary>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
