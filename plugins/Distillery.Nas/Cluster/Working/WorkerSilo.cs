using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Distillery.Nas.Cluster.Working;

/// <summary>
/// A worker's Orleans silo: joins the cluster the <c>Cluster</c> settings name, serves candidates with
/// <see cref="CandidateWorker"/>, and leaves the cluster when stopped.
/// </summary>
internal sealed class WorkerSilo(IOptions<ClusterOptions> options, CandidateWorker worker, ILoggerFactory loggers)
{
    /// <summary>Starts the silo; it runs until the returned worker is stopped.</summary>
    /// <exception cref="UserErrorException">The silo could not join the cluster in time.</exception>
    public async Task<RunningWorker> StartAsync(int slots, string? name, int? dashboard, CancellationToken cancellationToken)
    {
        var cluster = options.Value;
        var endpoints = WorkerEndpoints.Choose(cluster);
        worker.Slots = slots;
        var host = dashboard is { } port ? BuildWithDashboard(cluster, endpoints, port) : Build(cluster, endpoints);
        try
        {
            await host.StartAsync(cancellationToken).WaitAsync(cluster.ConnectTimeout + TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            endpoints.Dispose();
            throw new UserErrorException(
                $"The worker could not join {ClusterHosting.Describe(cluster)}: {Reason(exception)} " +
                (cluster.Membership == ClusterMembership.Redis
                    ? "Check that Redis runs there (redis-server) and that Cluster:Redis names it."
                    : "With localhost membership the first worker is the primary; check that it runs, or use Cluster:Membership=redis."),
                exception);
        }

        var silo = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        worker.Name = name ?? $"{Environment.MachineName}:{silo.Endpoint.Port}";
        return new RunningWorker(host, endpoints);
    }

    private IHost Build(ClusterOptions cluster, WorkerEndpoints endpoints)
    {
        var builder = ClusterHosting.CreateBuilder(loggers);
        builder.UseOrleans(silo => ClusterHosting.ConfigureWorker(silo, cluster, endpoints));
        builder.Services.AddSingleton(worker);
        return builder.Build();
    }

    /// <summary>The silo inside a small web server that serves the Orleans dashboard on <paramref name="port"/>.</summary>
    private WebApplication BuildWithDashboard(ClusterOptions cluster, WorkerEndpoints endpoints, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        ClusterHosting.Configure(builder, loggers);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(cluster.DashboardAddress), port));
        builder.UseOrleans(silo =>
        {
            ClusterHosting.ConfigureWorker(silo, cluster, endpoints);
            silo.AddDashboard();
        });
        builder.Services.AddSingleton(worker);
        var app = builder.Build();
        app.MapOrleansDashboard();
        return app;
    }

    private static string Reason(Exception exception) => exception is TimeoutException
        ? "it did not answer in time."
        : exception.GetBaseException().Message.Split('\n', 2)[0].TrimEnd('.') + ".";
}
