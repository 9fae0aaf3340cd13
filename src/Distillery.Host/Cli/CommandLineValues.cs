using System.Diagnostics;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>
/// Explains a command-line value the command parser could not convert to its option's type (<c>--ipc abc</c>): the
/// parser reports it as an <see cref="ArgumentException"/> from the type converter, without the option's name.
/// </summary>
internal static partial class CommandLineValues
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["Int32"] = "a whole number",
        ["Int64"] = "a whole number",
        ["Int16"] = "a whole number",
        ["UInt32"] = "a whole number, 0 or more",
        ["UInt64"] = "a whole number, 0 or more",
        ["Single"] = "a number",
        ["Double"] = "a number",
        ["Decimal"] = "a number",
        ["Boolean"] = "true or false",
    };

    /// <summary>The one-line cause, or null when <paramref name="exception"/> is not the parser's conversion failure.</summary>
    public static string? Describe(Exception exception, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(args);
        if (exception is not ArgumentException || !RaisedByTheParser(exception)
            || NotValid().Match(exception.Message) is not { Success: true } match)
        {
            return null;
        }

        var value = match.Groups["value"].Value;
        var expected = Kinds.GetValueOrDefault(match.Groups["type"].Value, $"a {match.Groups["type"].Value}");
        var option = OptionGiven(value, args);
        return option is null
            ? $"'{value}' is not a valid value here: it must be {expected}."
            : $"{option} '{value}' is not valid: it must be {expected}.";
    }

    private static bool RaisedByTheParser(Exception exception) =>
        new StackTrace(exception).GetFrames().Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == typeof(CommandApp).Assembly);

    /// <summary>The option <paramref name="value"/> was given to: <c>--ipc abc</c> or <c>--ipc=abc</c>.</summary>
    private static string? OptionGiven(string value, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith('-') && args[i].EndsWith($"={value}", StringComparison.Ordinal))
            {
                return args[i][..args[i].IndexOf('=', StringComparison.Ordinal)];
            }

            if (i > 0 && args[i] == value && args[i - 1].StartsWith('-'))
            {
                return args[i - 1];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<value>.*) is not a valid value for (?<type>\w+)\.", RegexOptions.Singleline)]
    private static partial Regex NotValid();
}
