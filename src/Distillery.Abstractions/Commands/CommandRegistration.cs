using System.Text.RegularExpressions;

namespace Distillery.Commands;

/// <summary>
/// A command a plugin brings to the command line. <see cref="Path"/> is its words: <c>"memory list"</c> is the
/// <c>list</c> command of the <c>memory</c> group (declare the group with
/// <see cref="Components.IComponentRegistry.AddCommandGroup"/>). The host applies <see cref="ExperimentScenario"/> and
/// <see cref="Flags"/> to its configuration before it starts, so options validated at start-up see them; settings
/// given on the command line as <c>--Section:Key=value</c> still win.
/// </summary>
public sealed partial record CommandRegistration
{
    public CommandRegistration(string path, string description)
    {
        var words = (path ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 2 || !words.All(word => ValidWord().IsMatch(word)))
        {
            throw new ArgumentException(
                $"Command path '{path}' is not valid: one or two words of lowercase letters, digits and '-'.", nameof(path));
        }

        Words = words;
        Description = description ?? string.Empty;
    }

    /// <summary>The command's words, e.g. <c>["memory", "list"]</c>.</summary>
    public IReadOnlyList<string> Words { get; }

    public string Path => string.Join(' ', Words);

    /// <summary>A line of help.</summary>
    public string Description { get; }

    /// <summary>Example command lines (without the program name), each checked against the command's settings.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Examples { get; init; } = [];

    /// <summary>
    /// When set, the command's first argument, if given, is an experiment file for this scenario: the host checks
    /// its <c>scenario</c> and lays the file over the configuration, as for <c>run FILE</c>.
    /// </summary>
    public string? ExperimentScenario { get; init; }

    /// <summary>Flags of the command (e.g. <c>--overwrite</c>) and the configuration key each sets to <c>true</c> when given.</summary>
    public IReadOnlyDictionary<string, string> Flags { get; init; } = new Dictionary<string, string>();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ValidWord();
}
