namespace Distillery.Host.Output;

/// <summary>Where the host writes: results to <see cref="Out"/>, progress, logs and errors to <see cref="Error"/>.</summary>
public sealed record ConsoleStreams(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>The process's own console.</summary>
    public static ConsoleStreams System() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
