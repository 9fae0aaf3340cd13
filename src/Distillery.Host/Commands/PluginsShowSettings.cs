using System.ComponentModel;
using Distillery.Commands;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>The arguments of <c>plugins show</c>.</summary>
public sealed class PluginsShowSettings : DistillerySettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The component's name (dm, convnet, benchmark, fashion-mnist), or KIND/NAME when two kinds share a name (method/dm).")]
    public string Name { get; init; } = string.Empty;

    [CommandOption("--kind <KIND>")]
    [Description("The component's kind (method, architecture, scenario, dataset, or a kind a plugin brought), when the name alone is ambiguous.")]
    public string? Kind { get; init; }
}
