using System.Reflection;
using Distillery.Host.Plugins;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>Adds the commands the plugins brought to the command parser: groups as branches, with their help and examples.</summary>
internal static class PluginCommands
{
    private static readonly MethodInfo AddCommand = typeof(IConfigurator).GetMethod(nameof(IConfigurator.AddCommand))!;
    private static readonly MethodInfo AddBranchCommand = typeof(IConfigurator<CommandSettings>).GetMethod(nameof(IConfigurator<CommandSettings>.AddCommand))!;

    public static void AddTo(IConfigurator config, PluginLoadReport report)
    {
        var commands = report.Commands.ToList();
        foreach (var command in commands.Where(c => c.Registration.Words.Count == 1))
        {
            Describe((ICommandConfigurator)AddCommand.MakeGenericMethod(command.CommandType).Invoke(config, [command.Registration.Words[0]])!, command);
        }

        foreach (var group in report.CommandGroups)
        {
            config.AddBranch(group.Name, branch =>
            {
                if (group.Description.Length > 0)
                {
                    branch.SetDescription(group.Description);
                }

                foreach (var command in commands.Where(c => c.Registration.Words.Count == 2 && c.Registration.Words[0] == group.Name))
                {
                    Describe((ICommandConfigurator)AddBranchCommand.MakeGenericMethod(command.CommandType).Invoke(branch, [command.Registration.Words[1]])!, command);
                }
            });
        }
    }

    private static void Describe(ICommandConfigurator configurator, PluginCommand command)
    {
        configurator.WithDescription(command.Registration.Description);
        foreach (var example in command.Registration.Examples)
        {
            configurator.WithExample([.. example]);
        }
    }
}
