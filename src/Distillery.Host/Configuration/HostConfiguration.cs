using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Plugins;
using Microsoft.Extensions.Configuration;

namespace Distillery.Host.Configuration;

/// <summary>
/// Lays out the configuration, later sources winning: <c>appsettings.json</c> next to the executable, the current
/// directory's <c>appsettings.json</c>, <c>DISTILLERY_</c> environment variables, the experiment (the file of
/// <c>run FILE</c>, or the <c>Demo</c> section for <c>demo</c>), then the command line; a plugin command's experiment
/// file and flags come once the plugins are loaded (<see cref="ConfigureCommand"/>).
/// </summary>
public static class HostConfiguration
{
    public const string EnvironmentPrefix = "DISTILLERY_";
    public const string DemoSection = "Demo";
    public const string DefaultScenario = "benchmark";

    /// <summary>Adds the sources to <paramref name="configuration"/> and returns the experiment to run, if any.</summary>
    public static Experiment? Configure(IConfigurationManager configuration, HostArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(arguments);

        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        configuration.AddJsonFile(beside, optional: true, reloadOnChange: false);
        var local = Path.GetFullPath("appsettings.json");
        if (!string.Equals(local, Path.GetFullPath(beside), StringComparison.Ordinal))
        {
            configuration.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);

        Experiment? experiment = null;
        switch (arguments.Command)
        {
            case "run" when arguments.FirstArgument is { } file:
                experiment = ExperimentFile.Read(file);
                configuration.AddJsonFile(experiment.Source, optional: false, reloadOnChange: false);
                break;
            case "demo":
                experiment = AddDemo(configuration, arguments);
                break;
        }

        configuration.AddInMemoryCollection(arguments.Settings);
        return experiment;
    }

    /// <summary>
    /// Once the plugins are loaded: when the command line runs a plugin command, lays its experiment file (if the
    /// command takes one and one is given) and its flags over the configuration, then the command line's settings again,
    /// so that they still win.
    /// </summary>
    public static void ConfigureCommand(IConfigurationManager configuration, HostArguments arguments, IEnumerable<PluginCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(commands);
        var words = arguments.Words;
        var found = commands
            .Where(c => c.Registration.Words.Count <= words.Count && c.Registration.Words.SequenceEqual(words.Take(c.Registration.Words.Count), StringComparer.Ordinal))
            .MaxBy(c => c.Registration.Words.Count);
        if (found is null)
        {
            return;
        }

        var command = found.Registration;
        if (command.ExperimentScenario is { } scenario &&
            CommandArgumentReader.Positionals(arguments.CommandArguments, command.Words.Count, found.CommandType) is [var file, ..])
        {
            var experiment = ExperimentFile.Read(file);
            if (!string.Equals(experiment.Scenario, scenario, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException(
                    $"'{file}' is an experiment for the '{experiment.Scenario}' scenario; '{command.Path}' runs {scenario} ones. Use 'distillery run {file}'.");
            }

            configuration.AddJsonFile(experiment.Source, optional: false, reloadOnChange: false);
        }

        var flags = command.Flags
            .Where(flag => arguments.CommandArguments.Contains(flag.Key, StringComparer.Ordinal))
            .Select(flag => new KeyValuePair<string, string?>(flag.Value, "true"))
            .ToList();
        configuration.AddInMemoryCollection(flags);
        configuration.AddInMemoryCollection(arguments.Settings);
    }

    /// <summary>The <c>Demo</c> section has the shape of an experiment file: it is laid over the root.</summary>
    private static Experiment AddDemo(IConfigurationManager configuration, HostArguments arguments)
    {
        // Command-line overrides of Demo:* count too, so read the section with them on top.
        var view = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(arguments.Settings)
            .Build();
        var demo = view.GetSection(DemoSection);
        var values = demo.AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null && !string.Equals(pair.Key, ExperimentFile.ScenarioKey, StringComparison.OrdinalIgnoreCase))
            .ToList();
        configuration.AddInMemoryCollection(values);
        var scenario = demo[ExperimentFile.ScenarioKey];
        return new Experiment(string.IsNullOrWhiteSpace(scenario) ? DefaultScenario : scenario, $"configuration section {DemoSection}");
    }
}
