using Spectre.Console;

namespace Distillery.Host.Output;

/// <summary>The Spectre consoles over stdout and stderr.</summary>
public sealed class Terminal
{
    private const int RedirectedWidth = 160;

    public Terminal(ConsoleStreams streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        Streams = streams;
        Out = Create(streams.Out, streams.OutIsTerminal);
        Error = Create(streams.Error, streams.ErrorIsTerminal);
    }

    public ConsoleStreams Streams { get; }

    /// <summary>Tables and summaries.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Progress and error messages.</summary>
    public IAnsiConsole Error { get; }

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
