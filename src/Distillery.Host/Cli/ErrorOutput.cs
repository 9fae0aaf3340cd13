namespace Distillery.Host.Cli;

/// <summary>
/// What the error reporter needs from a command line that may not even parse: whether <c>--output json</c> was asked
/// for, and the positional words that name the command.
/// </summary>
internal static class ErrorOutput
{
    public static OutputFormat Of(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            var value = args[i] switch
            {
                "--output" when i + 1 < args.Count => args[i + 1],
                var arg when arg.StartsWith("--output=", StringComparison.Ordinal) => arg["--output=".Length..],
                _ => null,
            };
            if (value is not null)
            {
                return string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
            }
        }

        return OutputFormat.Text;
    }

    public static IReadOnlyList<string> Words(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return HostArguments.Parse(args).Words;
        }
        catch (UserErrorException)
        {
            return [.. args.TakeWhile(a => a != "--").Where(a => !a.StartsWith('-'))];
        }
    }
}
