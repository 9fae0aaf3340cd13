using System.Reflection;
using Spectre.Console.Cli;

namespace Distillery.Host.Cli;

/// <summary>
/// Finds a command's positional arguments the way its parser will: a token after an option that takes a value (per the
/// command's settings class, e.g. <c>--evaluator full</c>) is that option's value, not an argument.
/// </summary>
public static class CommandArgumentReader
{
    /// <summary>The positional arguments that follow the command's words in <paramref name="arguments"/>.</summary>
    public static IReadOnlyList<string> Positionals(IReadOnlyList<string> arguments, int commandWords, Type commandType)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(commandType);
        var valued = ValueOptions(SettingsTypeOf(commandType));
        var positionals = new List<string>();
        for (var i = 0; i < arguments.Count && arguments[i] != "--"; i++)
        {
            var token = arguments[i];
            if (!token.StartsWith('-'))
            {
                positionals.Add(token);
            }
            else if (!token.Contains('=', StringComparison.Ordinal) && valued.Contains(token))
            {
                i++;
            }
        }

        return positionals.Skip(commandWords).ToList();
    }

    private static Type SettingsTypeOf(Type commandType)
    {
        for (var type = commandType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
                (definition == typeof(AsyncCommand<>) || definition == typeof(Command<>)))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return typeof(CommandSettings);
    }

    private static HashSet<string> ValueOptions(Type settingsType)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is { ValueName: not null } option)
            {
                names.UnionWith(option.LongNames.Select(n => "--" + n));
                names.UnionWith(option.ShortNames.Select(n => "-" + n));
            }
        }

        return names;
    }
}
