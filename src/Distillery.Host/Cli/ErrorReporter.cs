using System.Reflection;
using System.Text.Json.Nodes;
using Distillery.Host.Configuration;
using Distillery.Host.Output;
using Distillery.Methods;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>
/// Turns what went wrong into an exit code and a message on stderr: user errors (exit 2) without a stack trace,
/// internal failures (exit 1) with one only under <c>--verbose</c>, a stop (exit 130) with what a rerun resumes from.
/// Under <c>--output json</c> each also writes one JSON document on stdout: <c>{"error": {"code", "kind", "message", …}}</c>.
/// </summary>
internal sealed class ErrorReporter(Terminal terminal, IReadOnlyList<string> args)
{
    private readonly bool _verbose = args.Contains("--verbose") || args.Contains("-v");
    private readonly OutputFormat _output = ErrorOutput.Of(args);
    private readonly IReadOnlyList<string> _words = ErrorOutput.Words(args);

    /// <summary>Commands that keep no partial work: a stopped one is simply run again.</summary>
    private static readonly HashSet<string> CommandsWithoutResumableWork = ["plugins", "evaluate", "sets", "runs", "workspace"];

    /// <summary>Reports <paramref name="exception"/>; an unknown command is answered with the host's commands and <paramref name="pluginCommands"/>.</summary>
    public int Report(
        Exception exception,
        IConfiguration? configuration,
        OptionsSections? sections,
        IEnumerable<string>? pluginCommands = null,
        IEnumerable<IReadOnlyList<string>>? pluginCommandPaths = null)
    {
        exception = Unwrap(exception);
        if (ConfigurationErrors.Describe(exception, configuration, sections) is { } setting)
        {
            return UserError(setting);
        }

        if (ConfigurationFileErrors.Describe(exception) is { } file)
        {
            return UserError(file);
        }

        var hint = new CommandHint([.. CommandHint.HostPaths, .. pluginCommandPaths ?? []]).For(_words);
        switch (exception)
        {
            case UserErrorException user:
                var code = UserError(SettingFlags.Explain(user));
                if (_verbose && user.InnerException is { } cause)
                {
                    terminal.Streams.Error.WriteLine($"details: {cause.GetType().Name}: {cause.Message}");
                }

                return code;
            case CommandParseException parse:
                var known = parse.Message.StartsWith("Unknown command", StringComparison.Ordinal)
                    ? $" Commands: {string.Join(", ", CommandTree.HostCommands.Concat(pluginCommands ?? []).Distinct())}. See 'distillery --help'."
                    : $" {hint}";
                return UserError(parse.Message + known);
            case CommandRuntimeException runtime:
                return UserError($"{runtime.Message} {hint}");
            case ArgumentException when CommandLineValues.Describe(exception, args) is { } value:
                return UserError($"{value} {hint}");
        }

        Write("red", "error:", $"internal failure: {exception.GetType().Name}: {exception.Message}");
        terminal.Streams.Error.WriteLine(_verbose ? exception.ToString() : "Run with --verbose for the stack trace.");
        WriteJson(ExitCodes.InternalError, "internal", $"{exception.GetType().Name}: {exception.Message}");
        return ExitCodes.InternalError;
    }

    /// <summary>Reports a stop (Ctrl+C, SIGTERM): what was kept, and from where running the same command again resumes.</summary>
    public int Cancelled(Exception? exception = null)
    {
        var stopped = Find<RunStoppedException>(exception);
        var command = _words.Count > 0 ? _words[0] : null;
        var message = stopped switch
        {
            { ResumeFrom: { } iteration } => $"Stopped. The run will resume from iteration {iteration} when you run the same command again.",
            { Kept: { } kept } => $"Stopped. {char.ToUpperInvariant(kept[0])}{kept[1..]} is kept: running the same command again resumes from it.",
            not null => "Stopped before anything could be kept; a rerun starts from the beginning.",
            null when command is not null && CommandsWithoutResumableWork.Contains(command) =>
                $"Stopped. '{command}' keeps no partial work: running it again starts over.",
            null when command is "distill" => "Stopped before anything could be kept; a rerun starts from the beginning.",
            null => "Stopped. Checkpoints the command saved before the stop are kept; running the same command again resumes from them.",
        };
        Write("yellow", "Cancelled.", message);
        WriteJson(ExitCodes.Cancelled, "cancelled", message, extra =>
        {
            extra["resume_from"] = stopped?.ResumeFrom;
            extra["kept"] = stopped?.Kept;
        });
        return ExitCodes.Cancelled;
    }

    public void Warn(string message) => Write("yellow", "warning:", message);

    private int UserError(string message)
    {
        Write("red", "error:", message);
        WriteJson(ExitCodes.UserError, "user", message);
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

    /// <summary>Under <c>--output json</c>, the error as the one document on stdout.</summary>
    private void WriteJson(int code, string kind, string message, Action<JsonObject>? extra = null)
    {
        if (_output != OutputFormat.Json)
        {
            return;
        }

        var error = new JsonObject { ["code"] = code, ["kind"] = kind, ["message"] = message };
        extra?.Invoke(error);
        JsonOutput.Write(terminal.Streams.Out, new JsonObject { ["error"] = error });
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
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
