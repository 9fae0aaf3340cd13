using System.ComponentModel;
using Distillery.Commands;
using Distillery.Host.Cli;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands.Sets;

/// <summary>The settings of a command about one stored set.</summary>
public class SetSettings : DistillerySettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The stored set's name (see 'distillery sets list').")]
    public string Name { get; init; } = string.Empty;
}
