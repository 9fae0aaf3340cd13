using System.Text.Json.Nodes;
using Distillery.Commands;
using Distillery.Host.Cli;
using Distillery.Host.Progress;
using Distillery.Progress;
using Spectre.Console;

namespace Distillery.Host.Output;

/// <summary>What plugin commands print through: the host's consoles, its <c>--output</c> format and its progress display.</summary>
internal sealed class CommandOutput(Terminal terminal, HostArguments arguments, ProgressDisplay progress) : ICommandOutput
{
    public bool IsJson => arguments.Output == OutputFormat.Json;

    public IAnsiConsole Console => terminal.Out;

    public void WriteJson(JsonNode document) => JsonOutput.Write(terminal.Streams.Out, document);

    public Task<T> RunWithProgressAsync<T>(Func<IProgressReporter, Task<T>> work) => progress.RunAsync(work);
}
