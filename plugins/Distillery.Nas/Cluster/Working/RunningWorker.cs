using Microsoft.Extensions.Hosting;

namespace Distillery.Nas.Cluster.Working;

/// <summary>A worker's silo while it runs, with the ports it holds.</summary>
internal sealed class RunningWorker(IHost host, WorkerEndpoints endpoints) : IAsyncDisposable
{
    public bool Primary => endpoints.Primary;

    /// <summary>Leaves the cluster (waiting up to 10 s for that) and releases the ports.</summary>
    public async ValueTask DisposeAsync()
    {
        using var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(leaving.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The others declare it dead soon enough.
        }

        host.Dispose();
        endpoints.Dispose();
    }
}
