namespace Distillery.Host.Cli;

/// <summary>
/// The part of the command line the host needs before it builds its container: configuration overrides
/// (<c>--Section:Key=value</c>), the global options (<c>--output</c>, <c>--device</c>, <c>--workspace</c>,
/// <c>--plugins</c>, <c>--verbose</c>, accepted anywhere on the line) and the command's name. Both are taken out of
/// the arguments; what is left goes to the command parser.
/// </summary>
public sealed record HostArguments(
    IReadOnlyList<string> CommandArguments,
    IReadOnlyList<KeyValuePair<string, string?>> Settings,
    OutputFormat Output,
    bool Verbose)
{
    public const string AllowUnknownSettingsOption = "--allow-unknown-settings";

    /// <summary>The key <c>--plugins DIR</c> adds folders to; the option may be given several times.</summary>
    public const string PluginFoldersKey = "Plugins:Folders";

    /// <summary>Unknown configuration keys are warnings, not errors (<c>--allow-unknown-settings</c>).</summary>
    public bool AllowUnknownSettings { get; init; }

    /// <summary>Global options that set a configuration key, and the key.</summary>
    public static IReadOnlyDictionary<string, string> ConfigurationOptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--device"] = "Distillery:Device",
        ["--workspace"] = "Workspace:Path",
        ["--plugins"] = PluginFoldersKey,
    };

    /// <summary>The command's name (<c>distill</c>, <c>sets</c>), or null when there is none.</summary>
    public string? Command => Positionals.FirstOrDefault();

    /// <summary>The first positional argument after the command (the file of <c>run FILE</c>).</summary>
    public string? FirstArgument => Positionals.Skip(1).FirstOrDefault();

    /// <summary>The positional arguments: the command's words, then its arguments.</summary>
    public IReadOnlyList<string> Words => Positionals.ToList();

    private IEnumerable<string> Positionals => CommandArguments.TakeWhile(a => a != "--").Where(a => !a.StartsWith('-'));

    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        var settings = new List<KeyValuePair<string, string?>>();
        var output = OutputFormat.Text;
        var verbose = false;
        var allowUnknown = false;
        var pluginFolders = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg == "-v")
                {
                    verbose = true;
                    continue;
                }

                rest.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (name == "--" && equals >= 0)
            {
                throw new UserErrorException($"'{arg}' has no name before '=': write an option as --name VALUE, or a setting as --Section:Key=value.");
            }

            if (name.Contains(':', StringComparison.Ordinal))
            {
                if (equals < 0)
                {
                    throw new UserErrorException($"'{arg}' sets a configuration key: write it as {arg}=VALUE.");
                }

                settings.Add(new(name[2..], arg[(equals + 1)..]));
                continue;
            }

            switch (name)
            {
                case "--verbose":
                    verbose = true;
                    break;
                case AllowUnknownSettingsOption:
                    allowUnknown = true;
                    break;
                case "--output":
                    output = ParseOutput(ValueOf(args, ref i, name, equals));
                    break;
                case "--plugins":
                    pluginFolders.Add(ValueOf(args, ref i, name, equals));
                    break;
                case var option when ConfigurationOptions.TryGetValue(option, out var key):
                    settings.Add(new(key, ValueOf(args, ref i, name, equals)));
                    break;
                default:
                    rest.Add(arg);
                    break;
            }
        }

        if (pluginFolders.Count > 0)
        {
            settings.Add(new(PluginFoldersKey, string.Join(Path.PathSeparator, pluginFolders)));
        }

        return new HostArguments(rest, LastOfEachKey(settings), output, verbose) { AllowUnknownSettings = allowUnknown };
    }

    /// <summary>A key given twice (in any case) takes its last value, as a later source overrides an earlier one.</summary>
    private static List<KeyValuePair<string, string?>> LastOfEachKey(List<KeyValuePair<string, string?>> settings) =>
        settings
            .Where((setting, i) => !settings.Skip(i + 1).Any(later => string.Equals(later.Key, setting.Key, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    private static string ValueOf(IReadOnlyList<string> args, ref int i, string name, int equals)
    {
        if (equals >= 0)
        {
            return args[i][(equals + 1)..];
        }

        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UserErrorException($"{name} needs a value.");
        }

        return args[++i];
    }

    private static OutputFormat ParseOutput(string value) => value.ToLowerInvariant() switch
    {
        "text" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        _ => throw new UserErrorException($"--output '{value}' is not known; use text or json."),
    };
}
