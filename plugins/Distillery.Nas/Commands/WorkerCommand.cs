using System.ComponentModel;
using System.Globalization;
using Distillery.Commands;
using Distillery.Nas.Cluster;
using Distillery.Nas.Cluster.Working;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Nas.Commands;

/// <summary>
/// Runs a cluster worker until Ctrl+C: an Orleans silo that scores the candidates a search coordinator
/// (<c>nas --cluster</c>) sends it, with this process's plugins, datasets and thread settings.
/// </summary>
internal sealed class WorkerCommand(WorkerSilo silo, CandidateWorker worker, IOptions<ClusterOptions> cluster, ICommandOutput output)
    : AsyncCommand<WorkerCommand.Settings>
{
    public const string Name = "worker";

    public static CommandRegistration Registration { get; } = new(Name, "Serve an architecture search running elsewhere: train the candidates a 'nas --cluster' coordinator sends (Ctrl+C stops).")
    {
        Examples =
        [
            ["worker"],
            ["worker", "--workers-per-device", "2"],
            ["worker", "--name", "gpu-box-1", "--workers-per-device", "4"],
            ["worker", "--dashboard", "8080"],
        ],
    };

    public sealed class Settings : DistillerySettings
    {
        [CommandOption("--workers-per-device <N>")]
        [Description("How many candidates this worker trains at once, each on its own thread (several workers on one GPU or CPU).")]
        public int? WorkersPerDevice { get; init; }

        [CommandOption("--dashboard <PORT>")]
        [Description("Serve the Orleans dashboard (the cluster's silos, grains and message rates) on this port, at Cluster:DashboardAddress (loopback by default).")]
        public int? Dashboard { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The worker's name in the coordinator's progress and in stored scores (default MACHINE:PORT).")]
        public string? Name { get; init; }

        public override ValidationResult Validate() =>
            WorkersPerDevice is < 1 or > 64 ? ValidationResult.Error($"--workers-per-device must be between 1 and 64 (got {WorkersPerDevice}).")
            : Dashboard is < 1 or > 65535 ? ValidationResult.Error($"--dashboard must be a port between 1 and 65535 (got {Dashboard}).")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var slots = settings.WorkersPerDevice ?? 1;
        var running = await silo.StartAsync(slots, settings.Name, settings.Dashboard, cancellationToken).ConfigureAwait(false);
        await using var _ = running.ConfigureAwait(false);
        var description = worker.Describe();
        output.Console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Worker [bold]{Markup.Escape(description.Name)}[/]{(running.Primary ? " (the primary)" : string.Empty)} joined " +
            $"{Markup.Escape(ClusterHosting.Describe(cluster.Value))}: {slots} candidate(s) at a time, {description.Threads} libtorch thread(s), " +
            $"{description.Device}. Ctrl+C stops it."));
        if (settings.Dashboard is { } port)
        {
            output.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Dashboard: http://{cluster.Value.DashboardAddress}:{port}/"));
        }
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: leave the cluster below.
        }

        output.Console.MarkupLine($"Worker [bold]{Markup.Escape(description.Name)}[/] is leaving the cluster.");
        return 0;
    }
}
