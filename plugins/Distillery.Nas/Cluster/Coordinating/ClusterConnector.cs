using Distillery.Nas.Cluster.Working;
using Distillery.Nas.Evaluators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Cluster.Coordinating;

/// <summary>Connects a search coordinator to the cluster the <c>Cluster</c> settings name.</summary>
internal sealed class ClusterConnector(IOptions<ClusterOptions> options, CandidateWorker self, ProxySets sets, ILoggerFactory loggers)
{
    /// <exception cref="UserErrorException">The cluster could not be reached within Cluster:ConnectTimeout.</exception>
    public async Task<ClusterRunner> ConnectAsync(CancellationToken cancellationToken)
    {
        var cluster = options.Value;
        var builder = ClusterHosting.CreateBuilder(loggers);
        var deadline = DateTime.UtcNow + cluster.ConnectTimeout;
        builder.UseOrleansClient(client =>
        {
            ClusterHosting.ConfigureCoordinator(client, cluster);
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), token).ConfigureAwait(false);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).WaitAsync(cluster.ConnectTimeout + TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new UserErrorException(
                $"Could not reach {ClusterHosting.Describe(cluster)} within {cluster.ConnectTimeout.TotalSeconds:0} s: " +
                $"{exception.GetBaseException().Message.Split('\n', 2)[0].TrimEnd('.')}. " +
                (cluster.Membership == ClusterMembership.Redis
                    ? "Check that redis-server runs there and that Cluster:Redis names it; then start workers with 'distillery worker --Cluster:Membership=redis'."
                    : "Start a worker first ('distillery worker'), or name the cluster with the Cluster settings."),
                exception);
        }

        return new ClusterRunner(host, host.Services.GetRequiredService<IClusterClient>(), cluster, self.Describe(), sets, loggers.CreateLogger<ClusterRunner>());
    }
}
