using System.ComponentModel;
using Distillery.Host.Cli;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Memory;

/// <summary>The settings of a command about one memory buffer.</summary>
public class MemorySettings : DistillerySettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The buffer's name (see 'distillery memory list').")]
    public string Name { get; init; } = string.Empty;
}
