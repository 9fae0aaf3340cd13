using Distillery.Commands;
using Distillery.Host.Commands;
using Distillery.Host.Commands.Runs;
using Distillery.Host.Commands.Sets;
using Distillery.Host.Commands.Workspace;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>The commands, their help and examples: the host's own, then those the plugins brought.</summary>
internal static class CommandTree
{
    /// <summary>The host's own commands and groups; a plugin cannot take these names.</summary>
    public static IReadOnlyList<string> HostCommands { get; } = ["plugins", "distill", "evaluate", "sets", "runs", "workspace", "run", "demo"];

    /// <summary>The host's groups of commands that have no default command.</summary>
    private static readonly string[] HostGroups = ["sets", "runs"];

    /// <summary>The group the line names with nothing after it (<c>distillery sets</c>), or null.</summary>
    public static string? NamesGroupAlone(HostArguments arguments, PluginLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(report);
        var words = arguments.Words;
        return words.Count == 1 && (HostGroups.Contains(words[0], StringComparer.OrdinalIgnoreCase) || report.CommandGroups.Any(g => string.Equals(g.Name, words[0], StringComparison.OrdinalIgnoreCase)))
            ? words[0]
            : null;
    }

    public static CommandApp Create(IServiceProvider services, Terminal terminal, PluginLoadReport report)
    {
        var app = new CommandApp(new HostTypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("distillery");
            config.SetApplicationVersion(typeof(CommandTree).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ConfigureConsole(terminal.Out);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.ValidateExamples();

            config.SetHelpProvider(new RootHelpProvider(config.Settings));

            config.AddBranch<DistillerySettings>("plugins", plugins =>
            {
                plugins.SetDescription("List the plugins and their components (methods, architectures, scenarios, datasets), with the status of each; "
                    + "'plugins show NAME' lists a component's settings.");
                plugins.SetDefaultCommand<PluginsCommand>();
                plugins.AddExample("plugins");
                plugins.AddExample("plugins", "--output", "json");
                plugins.AddExample("plugins", "show", "dm");
                plugins.AddCommand<PluginsShowCommand>("show")
                    .WithDescription("Show a component's kind, plugin, help and every setting of it: type, default, configured value, allowed values, meaning.")
                    .WithExample("plugins", "show", "dm")
                    .WithExample("plugins", "show", "method/random", "--output", "json")
                    .WithExample("plugins", "show", "convnet", "--kind", "architecture");
            });

            config.AddCommand<DistillCommand>("distill")
                .WithDescription("Distill a dataset into a few synthetic images per class, store the set and draw it as a PNG grid. " +
                    "A method's settings come from Methods:NAME, e.g. --Methods:dm:Iterations=200.")
                .WithExample("distill", "--method", "herding", "--dataset", "fashion-mnist", "--ipc", "10")
                .WithExample("distill", "--method", "dm", "--dataset", "fashion-mnist", "--ipc", "10", "--arch", "convnet", "--seed", "1", "--name", "dm-fm-10");

            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Train fresh networks on a stored set; report mean ± std test accuracy beside a random subset of the same size.")
                .WithExample("evaluate", "herding-fashion-mnist-ipc10-seed0")
                .WithExample("evaluate", "dm-fm-10", "--arch", "convnet,mlp", "--epochs", "300", "--networks", "5")
                .WithExample("evaluate", "dm-fm-10", "--augment", "color_crop_cutout_flip_scale_rotate", "--epochs", "1000", "--output", "json");

            config.AddBranch("sets", sets =>
            {
                sets.SetDescription("Manage the synthetic sets in the workspace.");
                sets.AddCommand<SetsListCommand>("list").WithDescription("List the stored sets.")
                    .WithExample("sets", "list");
                sets.AddCommand<SetsShowCommand>("show").WithDescription("Show a set's provenance and draw it as a PNG grid.")
                    .WithExample("sets", "show", "dm-fm-10", "--out", "dm.png");
                sets.AddCommand<SetsExportCommand>("export").WithDescription("Write a set to a PyTorch .pt file.")
                    .WithExample("sets", "export", "dm-fm-10", "dm-fm-10.pt");
                sets.AddCommand<SetsImportCommand>("import").WithDescription("Read a set from a PyTorch .pt file.")
                    .WithExample("sets", "import", "dm.pt", "--name", "dm-from-python", "--dataset", "fashion-mnist");
                sets.AddCommand<SetsDeleteCommand>("delete").WithDescription("Delete a stored set.")
                    .WithExample("sets", "delete", "dm-fm-10");
            });

            config.AddBranch("runs", runs =>
            {
                runs.SetDescription("The run records in the workspace: what ran, with which settings, how it ended.");
                runs.AddCommand<RunsListCommand>("list").WithDescription("List the runs, newest first, with status, time and the set each made.")
                    .WithExample("runs", "list")
                    .WithExample("runs", "list", "--output", "json");
                runs.AddCommand<RunsShowCommand>("show").WithDescription("Show one run: status, times, the set it made and every setting it ran with.")
                    .WithExample("runs", "show", "distill-1a2b3c4d");
            });

            config.AddBranch("workspace", workspace =>
            {
                workspace.SetDescription("Look after the workspace file: check it for damage, reclaim free space.");
                workspace.AddCommand<WorkspaceCheckCommand>("check")
                    .WithDescription("Read every set, run, checkpoint and plugin document and check every tensor's SHA-256; list what is damaged. " +
                        "Exit 0 when nothing is, 2 when something is. Never writes.")
                    .WithExample("workspace", "check")
                    .WithExample("workspace", "check", "--workspace", "runs/w.db", "--output", "json");
                workspace.AddCommand<WorkspaceCompactCommand>("compact")
                    .WithDescription("Rebuild the file without the space replaced sets and finished checkpoints left; show the size before and after. " +
                        "Runs on a copy that replaces the file at the end; refuses a damaged file. Run it when no other process uses the workspace.")
                    .WithExample("workspace", "compact");
            });

            config.AddCommand<RunCommand>("run")
                .WithDescription("Run an experiment file: JSON naming a \"scenario\", with any settings laid over the configuration.")
                .WithExample("run", "experiments/coresets-fashion-mnist-ipc10.json")
                .WithExample("run", "experiments/coresets-fashion-mnist-ipc10.json", "--output", "json");

            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Run the built-in demonstration (the benchmark scenario with the settings of the Demo section).")
                .WithExample("demo")
                .WithExample("demo", "--device", "cpu");

            PluginCommands.AddTo(config, report);
        });
        return app;
    }
}
