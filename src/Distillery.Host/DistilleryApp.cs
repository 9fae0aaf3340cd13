using Distillery.Host.Cli;
using Distillery.Host.Configuration;
using Distillery.Host.Hosting;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Distillery.Host;

/// <summary>
/// The whole command-line application: configuration, plugins, the container, the commands. Returns the exit code;
/// never throws for what a user or a plugin did.
/// </summary>
public static class DistilleryApp
{
    /// <summary>Runs one command line, writing results to <paramref name="stdout"/> and everything else to <paramref name="stderr"/>.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new ConsoleStreams(stdout, stderr, OutIsTerminal: false, ErrorIsTerminal: false), configureServices: null, cancellationToken);

    /// <summary>
    /// Runs one command line. <paramref name="configureServices"/> runs last, after the engine and the plugins have
    /// registered, so it can replace any service.
    /// </summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        ConsoleStreams streams,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(streams);
        var terminal = new Terminal(streams);
        var errors = new ErrorReporter(terminal, args);
        IHost? host = null;
        try
        {
            var arguments = HostArguments.Parse(args);
            host = Build(arguments, terminal, configureServices);
            CheckSettings(host.Services, arguments, errors);
            foreach (var warning in host.Services.GetRequiredService<PluginLoadReport>().Warnings)
            {
                errors.Warn(warning);
            }

            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            LogQuarantined(host.Services);

            var report = host.Services.GetRequiredService<PluginLoadReport>();
            var code = await CommandTree.Create(host.Services, terminal, report)
                .RunAsync(arguments.CommandArguments, cancellationToken)
                .ConfigureAwait(false);
            if (code == ExitCodes.InternalError && CommandTree.NamesGroupAlone(arguments, report) is { } group)
            {
                // The parser showed the group's help and returned 1: naming a group without one of its commands is a usage mistake.
                throw new UserErrorException($"'{group}' needs one of its commands, listed above (e.g. 'distillery {group} list').");
            }

            return cancellationToken.IsCancellationRequested ? errors.Cancelled() : code;
        }
        catch (OperationCanceledException stop) when (cancellationToken.IsCancellationRequested)
        {
            return errors.Cancelled(stop);
        }
        catch (Exception ex)
        {
            return errors.Report(
                ex,
                host?.Services.GetService<IConfiguration>(),
                host?.Services.GetService<OptionsSections>(),
                host?.Services.GetService<PluginLoadReport>()?.Commands.Select(command => command.Registration.Words[0]),
                host?.Services.GetService<PluginLoadReport>()?.Commands.Select(command => command.Registration.Words));
        }
        finally
        {
            if (host is not null)
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                host.Dispose();
            }

            await streams.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static IHost Build(HostArguments arguments, Terminal terminal, Action<IServiceCollection>? configureServices)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });

        var experiment = HostConfiguration.Configure(builder.Configuration, arguments);
        LogLevelCheck.Check(builder.Configuration);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(arguments.Verbose ? LogLevel.Debug : LogLevel.Warning);
        if (!arguments.Verbose)
        {
            // A failed start is reported once, as a message naming the setting; not again as a logged stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }

        builder.Services.AddSingleton(terminal);
        builder.Services.AddDistilleryEngine(builder.Configuration);
        var report = builder.Services.AddDistilleryHost(builder.Configuration, arguments, experiment);
        HostConfiguration.ConfigureCommand(builder.Configuration, arguments, report.Commands);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Refuses unknown keys and values of the wrong type before any work; unknown keys only warn when allowed.</summary>
    private static void CheckSettings(IServiceProvider services, HostArguments arguments, ErrorReporter errors)
    {
        var problems = services.GetRequiredService<SettingsChecker>().Check(services.GetRequiredService<IConfiguration>());
        var refused = problems.Where(p => !p.IsUnknownKey || !arguments.AllowUnknownSettings).ToList();
        foreach (var problem in problems.Except(refused))
        {
            errors.Warn(problem.Message);
        }

        if (refused.Count > 0)
        {
            var escape = refused.Any(p => p.IsUnknownKey) ? $" (To run with keys this version does not know, add {HostArguments.AllowUnknownSettingsOption}.)" : string.Empty;
            throw new UserErrorException(string.Join(Environment.NewLine, refused.Select(p => p.Message)) + escape);
        }
    }

    private static void LogQuarantined(IServiceProvider services)
    {
        var report = services.GetRequiredService<PluginLoadReport>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Distillery.Plugins");
        foreach (var plugin in report.Plugins)
        {
            if (plugin.Status is PluginStatus.NotSupported or PluginStatus.Malfunctioned or PluginStatus.Duplicate)
            {
                logger.LogWarning("Plugin {Plugin} in {Folder} is {Status}: {Reason}", plugin.Id, plugin.Folder, plugin.Status, plugin.Reason);
            }

            foreach (var component in plugin.Components.Where(c => c.Status != PluginStatus.Active))
            {
                logger.LogWarning("{Kind} {Name} of plugin {Plugin} is {Status}: {Reason}",
                    component.Descriptor.Kind, component.Descriptor.Name, plugin.Id, component.Status, component.Reason);
            }

            logger.LogDebug("Plugin {Plugin} {Version}: {Status}, {Count} components", plugin.Id, plugin.Version, plugin.Status, plugin.Components.Count);
        }
    }
}
