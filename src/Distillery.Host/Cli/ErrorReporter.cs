using System.Reflection;
using Distillery.Host.Configuration;
using Distillery.Host.Output;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>
/// Turns what went wrong into an exit code and a message on stderr: user errors (exit 2) without a stack trace,
/// internal failures (exit 1) with one only under <c>--verbose</c>.
/// </summary>
internal sealed class ErrorReporter(Terminal terminal, bool verbose)
{
    public static IReadOnlyList<string> Commands { get; } = ["plugins", "distill", "evaluate", "sets", "run", "demo"];

    public int Report(Exception exception, IConfiguration? configuration, OptionsSections? sections)
    {
        exception = Unwrap(exception);
        if (ConfigurationErrors.Describe(exception, configuration, sections) is { } setting)
        {
            return UserError(setting);
        }

        switch (exception)
        {
            case UserErrorException user:
                return UserError(user.Message);
            case CommandParseException parse:
                var known = parse.Message.StartsWith("Unknown command", StringComparison.Ordinal)
                    ? $" Commands: {string.Join(", ", Commands)}. See 'distillery --help'."
                    : " See 'distillery COMMAND --help'.";
                return UserError(parse.Message + known);
            case CommandRuntimeException runtime:
                return UserError(runtime.Message + " See 'distillery COMMAND --help'.");
        }

        terminal.Error.MarkupLineInterpolated($"[red]error:[/] internal failure: {exception.GetType().Name}: {exception.Message}");
        if (verbose)
        {
            terminal.Streams.Error.WriteLine(exception.ToString());
        }
        else
        {
            terminal.Error.MarkupLine("[grey]Run with --verbose for the stack trace.[/]");
        }

        return ExitCodes.InternalError;
    }

    public int Cancelled()
    {
        terminal.Error.MarkupLine("[yellow]Cancelled.[/] Finished work and checkpoints are kept in the workspace: run the same command again to resume.");
        return ExitCodes.Cancelled;
    }

    private int UserError(string message)
    {
        terminal.Error.MarkupLineInterpolated($"[red]error:[/] {message}");
        return ExitCodes.UserError;
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                case CommandRuntimeException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                default:
                    return exception;
            }
        }
    }
}
