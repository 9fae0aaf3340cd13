using Distillery.Host;
using Distillery.Host.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Host;

/// <summary>Runs the command line in-process and keeps what it wrote.</summary>
internal sealed record HostRun(int ExitCode, string Out, string Error)
{
    public static async Task<HostRun> StartAsync(
        IEnumerable<string> args,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DistilleryApp.RunAsync(
            args.ToList(),
            new ConsoleStreams(stdout, stderr, OutIsTerminal: false, ErrorIsTerminal: false),
            configureServices,
            cancellationToken);
        return new HostRun(code, stdout.ToString(), stderr.ToString());
    }
}
