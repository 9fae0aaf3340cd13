using System.ComponentModel;
using Spectre.Console.Cli;

namespace Distillery.Commands;

/// <summary>
/// The global options every command accepts, the host's and the plugins' alike. The host reads them (anywhere on the
/// line) before the command is parsed, so these properties exist to document them in each command's help; derive a
/// command's settings from this class.
/// </summary>
public class DistillerySettings : CommandSettings
{
    [CommandOption("--output <FORMAT>")]
    [Description("text (tables, default) or json (one JSON document on stdout; progress and logs stay on stderr).")]
    public string? Output { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto (default), cpu, cuda or cuda:N. Sets Distillery:Device.")]
    public string? Device { get; init; }

    [CommandOption("--workspace <PATH>")]
    [Description("The workspace database file (default distillery.db). Sets Workspace:Path.")]
    public string? Workspace { get; init; }

    [CommandOption("--plugins <PATH>")]
    [Description("A folder of plugins to load besides the built-in ones (one subfolder per plugin); may be given several times. Adds to Plugins:Folders; Plugins:BuiltIn=false leaves the built-in ones out.")]
    public string? Plugins { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Log at debug level on stderr and show stack traces of internal errors. Settings: --Section:Key=value.")]
    public bool Verbose { get; init; }

    [CommandOption("--allow-unknown-settings")]
    [Description("Warn about configuration keys no component knows instead of refusing to run (a misspelt key is otherwise an error).")]
    public bool AllowUnknownSettings { get; init; }
}
