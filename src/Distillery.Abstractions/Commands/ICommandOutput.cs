using System.Text.Json.Nodes;
using Distillery.Progress;
using Spectre.Console;

namespace Distillery.Commands;

/// <summary>
/// Where a command writes what it finds, the way the host's own commands do: text (tables, markup) on
/// <see cref="Console"/>, or one JSON document on stdout when the user asked for <c>--output json</c>; progress goes
/// to stderr.
/// </summary>
public interface ICommandOutput
{
    /// <summary>True when the user asked for one JSON document instead of text.</summary>
    bool IsJson { get; }

    /// <summary>The console for text results (stdout).</summary>
    IAnsiConsole Console { get; }

    /// <summary>Writes the command's one JSON document to stdout.</summary>
    void WriteJson(JsonNode document);

    /// <summary>Runs <paramref name="work"/> while showing its progress on stderr.</summary>
    Task<T> RunWithProgressAsync<T>(Func<IProgressReporter, Task<T>> work);
}
