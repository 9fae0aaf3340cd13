using System.Text.Json;
using System.Text.RegularExpressions;

namespace Distillery.Host.Configuration;

/// <summary>
/// Explains a configuration file (<c>appsettings.json</c>) that could not be read: which file, where in it, and what
/// to do. The JSON configuration provider wraps the parser's error twice; the file's path is only in the outer message.
/// </summary>
public static partial class ConfigurationFileErrors
{
    /// <summary>The one-line explanation, or null when <paramref name="exception"/> is not a broken configuration file.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not InvalidDataException outer || FailedToLoad().Match(outer.Message) is not { Success: true } match)
        {
            return null;
        }

        var file = match.Groups["file"].Value;
        var fix = "Fix the file, or move it away to use the defaults.";
        for (var inner = outer.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                var where = json.BytePositionInLine is { } position ? $"line {line + 1}, byte {position + 1}" : $"line {line + 1}";
                return $"The configuration file '{file}' is not valid JSON ({where}): {FirstSentence(json.Message)} {fix}";
            }
        }

        var cause = outer.InnerException?.Message ?? outer.Message;
        return $"The configuration file '{file}' could not be read: {FirstSentence(cause)} {fix}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd() : message[..(end + 1)];
    }

    [GeneratedRegex(@"^Failed to load configuration from file '(?<file>[^']+)'")]
    private static partial Regex FailedToLoad();
}
