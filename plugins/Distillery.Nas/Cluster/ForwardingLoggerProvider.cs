using Microsoft.Extensions.Logging;

namespace Distillery.Nas.Cluster;

/// <summary>Hands the Orleans host's loggers out of the Distillery host's factory, so both log the same way.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory loggers) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => loggers.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the Distillery host.
    }
}
