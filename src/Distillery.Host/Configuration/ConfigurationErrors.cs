using System.Text.RegularExpressions;
using Distillery.Host.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Distillery.Host.Configuration;

/// <summary>Turns a rejected setting into a message that names the key, its value and what is wrong.</summary>
public static partial class ConfigurationErrors
{
    /// <summary>The message for a configuration error, or null when <paramref name="exception"/> is not one.</summary>
    public static string? Describe(Exception exception, IConfiguration? configuration, OptionsSections? sections) => exception switch
    {
        OptionsValidationException validation => DescribeValidation(validation, configuration, sections),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(e => DescribeValidation((OptionsValidationException)e, configuration, sections))),
        InvalidOperationException when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            $"Invalid setting: {exception.Message}",
        _ => null,
    };

    private static string DescribeValidation(OptionsValidationException exception, IConfiguration? configuration, OptionsSections? sections)
    {
        var section = sections?.SectionOf(exception.OptionsType) ?? exception.OptionsType.Name;
        var lines = new List<string>();
        foreach (var failure in exception.Failures)
        {
            var match = DataAnnotationFailure().Match(failure);
            if (!match.Success)
            {
                lines.Add($"Invalid setting in {section}: {failure}");
                continue;
            }

            foreach (var member in match.Groups["members"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var key = $"{section}:{member}";
                var value = configuration?[key];
                var shown = value is null ? string.Empty : $" = '{value}'";
                var option = HostArguments.ConfigurationOptions.FirstOrDefault(o => string.Equals(o.Value, key, StringComparison.OrdinalIgnoreCase)).Key;
                var hint = option is null ? $"--{key}=VALUE" : $"{option} or --{key}=VALUE";
                lines.Add($"Invalid setting {key}{shown}: {match.Groups["error"].Value} (set it in appsettings.json, {HostConfiguration.EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)}, or {hint}).");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    [GeneratedRegex("members: '(?<members>[^']*)' with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
