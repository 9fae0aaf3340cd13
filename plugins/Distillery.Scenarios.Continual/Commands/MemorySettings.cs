using System.ComponentModel;
using Distillery.Commands;
using Spectre.Console.Cli;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>The settings of a command about one memory buffer.</summary>
internal class MemorySettings : DistillerySettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The buffer's name (see 'distillery memory list').")]
    public string Name { get; init; } = string.Empty;
}
