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
    /// <summary>Reports <paramref name="exception"/>; an unknown command is answered with the host's commands and <paramref name="pluginCommands"/>.</summary>
    public int Report(Exception exception, IConfiguration? configuration, OptionsSections? sections, IEnumerable<string>? pluginCommands = null)
    {
        exception = Unwrap(exception);
        if (ConfigurationErrors.Describe(exception, configuration, sections) is { } setting)
        {
            return UserError(setting);
        }

        switch (exception)
        {
            case UserErrorException user:
                var code = UserError(SettingFlags.Explain(user));
                if (verbose && user.InnerException is { } cause)
                {
                    terminal.Streams.Error.WriteLine($"details: {cause.GetType().Name}: {cause.Message}");
                }

                return code;
            case CommandParseException parse:
                var known = parse.Message.StartsWith("Unknown command", StringComparison.Ordinal)
                    ? $" Commands: {string.Join(", ", CommandTree.HostCommands.Concat(pluginCommands ?? []).Distinct())}. See 'distillery --help'."
                    : " See 'distillery COMMAND --help'.";
                return UserError(parse.Message + known);
            case CommandRuntimeException runtime:
                return UserError(runtime.Message + " See 'distillery COMMAND --help'.");
        }

        Write("red", "error:", $"internal failure: {exception.GetType().Name}: {exception.Message}");
        terminal.Streams.Error.WriteLine(verbose ? exception.ToString() : "Run with --verbose for the stack trace.");
        return ExitCodes.InternalError;
    }

    public int Cancelled()
    {
        Write("yellow", "Cancelled.", "Finished work and checkpoints are kept in the workspace: run the same command again to resume.");
        return ExitCodes.Cancelled;
    }

    public void Warn(string message) => Write("yellow", "warning:", message);

    private int UserError(string message)
    {
        Write("red", "error:", message);
        return ExitCodes.UserError;
    }

    /// <summary>One message line, coloured on a terminal, never wrapped in a log.</summary>
    private void Write(string colour, string label, string message)
    {
        if (terminal.Streams.ErrorIsTerminal)
        {
            terminal.Error.MarkupLine($"[{colour}]{Markup.Escape(label)}[/] {Markup.Escape(message)}");
        }
        else
        {
            terminal.Streams.Error.WriteLine($"{label} {message}");
        }
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
