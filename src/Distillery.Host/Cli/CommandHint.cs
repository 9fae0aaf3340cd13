namespace Distillery.Host.Cli;

/// <summary>
/// The "See 'distillery COMMAND --help'." that ends a message about a command line, with the command filled in: the
/// longest known command path the line starts with, or the top-level help when it starts with none.
/// </summary>
internal sealed class CommandHint(IReadOnlyList<IReadOnlyList<string>> commandPaths)
{
    /// <summary>The host's command paths; groups (<c>sets</c>, <c>runs</c>) are paths of their own, for their help lists their commands.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> HostPaths { get; } =
    [
        .. CommandTree.HostCommands.Select(command => (IReadOnlyList<string>)[command]),
        ["sets", "list"], ["sets", "show"], ["sets", "export"], ["sets", "import"], ["sets", "delete"],
        ["runs", "list"], ["runs", "show"],
        ["workspace", "check"], ["workspace", "compact"],
    ];

    /// <summary>The hint for a command line whose positional words are <paramref name="words"/>.</summary>
    public string For(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var path = commandPaths
            .Where(p => p.Count <= words.Count && p.SequenceEqual(words.Take(p.Count), StringComparer.Ordinal))
            .MaxBy(p => p.Count);
        return path is null ? "See 'distillery --help'." : $"See 'distillery {string.Join(' ', path)} --help'.";
    }
}
