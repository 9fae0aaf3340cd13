using System.ComponentModel;
using System.Reflection;
using Distillery.Commands;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Distillery.Host.Cli;

/// <summary>
/// Spectre's help, with two sections more at the top level: the global options every command accepts (read from
/// <see cref="DistillerySettings"/>), and the ways to set any configuration key, with examples.
/// </summary>
internal sealed class RootHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <summary>The sources of configuration, each over the one before it.</summary>
    private static readonly (string Form, string Meaning)[] ConfigurationForms =
    [
        ("appsettings.json", "beside the program, then one in the current folder"),
        ("DISTILLERY_Section__Key=value", "an environment variable; __ separates the levels"),
        ("run FILE.json", "an experiment file: its keys are laid over the configuration for that run"),
        ("--Section:Key=value", "on the command line, anywhere after the command (lists: --Section:Key:0=a --Section:Key:1=b)"),
    ];

    private static readonly (string Line, string Meaning)[] ConfigurationExamples =
    [
        ("distillery distill --method dm --dataset fashion-mnist --ipc 10 --Methods:dm:Iterations=200", "200 iterations of dm instead of the default"),
        ("DISTILLERY_Evaluation__Epochs=100 distillery evaluate dm-fm-10", "evaluate with 100 epochs"),
        ("distillery plugins show dm", "every setting of dm, with its type, default and meaning"),
    ];

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var footer = base.GetFooter(model, command);
        return command is null ? [.. GlobalOptions(), .. Configuration(), .. footer] : footer;
    }

    private static IEnumerable<IRenderable> GlobalOptions()
    {
        var grid = Grid();
        foreach (var property in typeof(DistillerySettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option)
            {
                continue;
            }

            var names = option.ShortNames.Select(n => $"-{n}").Concat(option.LongNames.Select(n => $"--{n}"));
            var value = option.ValueName is { Length: > 0 } valueName ? $" <{valueName}>" : string.Empty;
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty;
            grid.AddRow(new Spectre.Console.Text("    " + string.Join(", ", names) + value), new Spectre.Console.Text(description));
        }

        return [Spectre.Console.Text.NewLine, Heading("GLOBAL OPTIONS (accepted by every command, anywhere on the line):"), grid];
    }

    private static IEnumerable<IRenderable> Configuration()
    {
        var forms = Grid();
        foreach (var (form, meaning) in ConfigurationForms)
        {
            forms.AddRow(new Spectre.Console.Text("    " + form), new Spectre.Console.Text(meaning));
        }

        var examples = new Rows(ConfigurationExamples.Select(e => (IRenderable)new Rows(
            new Spectre.Console.Text("    " + e.Line),
            new Spectre.Console.Text("        " + e.Meaning, new Style(decoration: Decoration.Dim)))));
        return
        [
            Spectre.Console.Text.NewLine,
            Heading("CONFIGURATION (every setting is a key Section:Key; each source below overrides the ones above it):"),
            forms,
            Spectre.Console.Text.NewLine,
            Heading("CONFIGURATION EXAMPLES:"),
            examples,
        ];
    }

    private static Markup Heading(string text) => new($"[yellow]{Markup.Escape(text)}[/]{Environment.NewLine}");

    private static Grid Grid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(4));
        grid.AddColumn(new GridColumn());
        return grid;
    }
}
