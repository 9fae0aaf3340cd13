using System.Net;
using System.Net.Sockets;
using Distillery.Nas.Cluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Distillery.Nas.Cluster;

/// <summary>The Orleans settings workers and coordinators share: membership, ids, this plugin's grains, logging.</summary>
internal static class ClusterHosting
{
    /// <summary>A generic host of its own for Orleans, logging through the Distillery host's loggers.</summary>
    public static HostApplicationBuilder CreateBuilder(ILoggerFactory loggers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        Configure(builder, loggers);
        return builder;
    }

    /// <summary>Logging through the Distillery host's loggers, and this plugin's grains and messages.</summary>
    public static void Configure(IHostApplicationBuilder builder, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggers));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Orleans reports a member that went away many times, with stack traces, while it finds out; the coordinator
        // and the workers say it once, in their own words.
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(ClusterHosting).Assembly));
    }

    public static void ConfigureWorker(ISiloBuilder silo, ClusterOptions options, WorkerEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoints);
        if (options.Membership == ClusterMembership.Redis)
        {
            silo.UseRedisClustering(redis => redis.ConfigurationOptions = Redis(options));
            silo.Configure(Ids(options));
            var address = IPAddress.Parse(options.Address);
            silo.ConfigureEndpoints(address, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }
        else
        {
            silo.UseLocalhostClustering(
                endpoints.SiloPort,
                endpoints.GatewayPort,
                endpoints.Primary ? null : new IPEndPoint(IPAddress.Loopback, WorkerEndpoints.PrimarySilo(options)),
                options.ServiceId,
                options.ClusterId);
        }

        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = options.ProbeTimeout;
            membership.NumMissedProbesLimit = 2;
            membership.DefunctSiloExpiration = TimeSpan.FromHours(1);
        });
        silo.AddPlacementDirector<OnWorkerSilo, OnWorkerSiloDirector>();
        if (ClusterCertificate.Load(options) is { } certificate)
        {
            silo.UseTls(certificate, tls => ClusterCertificate.RequireSame(tls, certificate));
        }
    }

    public static void ConfigureCoordinator(IClientBuilder client, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Membership == ClusterMembership.Redis)
        {
            client.UseRedisClustering(redis => redis.ConfigurationOptions = Redis(options));
            client.Configure(Ids(options));
        }
        else
        {
            client.UseLocalhostClustering(WorkerEndpoints.PrimaryGateway(options), options.ServiceId, options.ClusterId);
        }

        client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        if (ClusterCertificate.Load(options) is { } certificate)
        {
            client.UseTls(certificate, tls => ClusterCertificate.RequireSame(tls, certificate));
        }
    }

    /// <summary>Where the cluster is, for messages.</summary>
    public static string Describe(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Membership == ClusterMembership.Redis
            ? $"the Redis membership table at {options.Redis} (cluster '{options.ClusterId}', service '{options.ServiceId}')"
            : $"the localhost cluster's primary worker at 127.0.0.1:{WorkerEndpoints.PrimaryGateway(options)} (cluster '{options.ClusterId}', service '{options.ServiceId}')";
    }

    private static Action<Orleans.Configuration.ClusterOptions> Ids(ClusterOptions options) => ids =>
    {
        ids.ClusterId = options.ClusterId;
        ids.ServiceId = options.ServiceId;
    };

    private static ConfigurationOptions Redis(ClusterOptions options)
    {
        var redis = ConfigurationOptions.Parse(options.Redis);
        redis.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        redis.AbortOnConnectFail = true;
        return redis;
    }

    /// <summary>A TCP port no one listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
