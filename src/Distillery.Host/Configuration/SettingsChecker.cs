using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Distillery.Host.Configuration;

/// <summary>
/// Checks every configuration key against the options class that binds it, before any work: a key no options class
/// has, or a value that does not convert to its property's type, is reported with its full path (and the nearest
/// known name), where the binder would silently fall back to a default. Sections of components are known from the
/// loaded plugins; a section of a component that is not loaded is left alone only when a plugin that could hold it
/// failed to load.
/// </summary>
public sealed class SettingsChecker(SettingsLayout layout)
{
    /// <summary>The problems found, one line each; empty when every key is known and every value fits.</summary>
    public IReadOnlyList<SettingProblem> Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<SettingProblem>();
        foreach (var root in configuration.GetChildren())
        {
            CheckRoot(root, problems);
        }

        return problems;
    }

    private void CheckRoot(IConfigurationSection root, List<SettingProblem> problems)
    {
        if (layout.IsFree(root.Key))
        {
            return;
        }

        var type = layout.OptionsAt(root.Key);
        var components = layout.ComponentsUnder(root.Key);
        if (type is null && components is null)
        {
            problems.Add(SettingProblem.Unknown(root.Path, $"Unknown section '{root.Key}'.", layout.Roots));
            return;
        }

        var properties = type is null ? [] : Bindable(type);
        foreach (var child in root.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                CheckValue(child, property.PropertyType, problems);
                continue;
            }

            if (components is null)
            {
                problems.Add(SettingProblem.Unknown(child.Path, $"Unknown setting {child.Path}.", properties.Keys));
                continue;
            }

            if (components.Active.TryGetValue(child.Key, out var options))
            {
                CheckObject(child, options, problems);
            }
            else if (!components.MayBeQuarantined(child.Key))
            {
                var known = properties.Keys.Concat(components.Active.Keys).ToList();
                problems.Add(SettingProblem.Unknown(child.Path, $"Unknown {components.Kind} '{child.Key}' in {child.Path}.", known));
            }
        }
    }

    private static void CheckObject(IConfigurationSection section, Type type, List<SettingProblem> problems)
    {
        if (!string.IsNullOrEmpty(section.Value))
        {
            problems.Add(new SettingProblem(section.Path, $"{section.Path} = '{section.Value}' is a section of settings, not a value.", IsUnknownKey: false));
            return;
        }

        var properties = Bindable(type);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                CheckValue(child, property.PropertyType, problems);
            }
            else
            {
                problems.Add(SettingProblem.Unknown(child.Path, $"Unknown setting {child.Path}.", properties.Keys));
            }
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<SettingProblem> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (IsScalar(target))
        {
            if (children.Count > 0)
            {
                problems.Add(new SettingProblem(section.Path, $"{section.Path} takes {Describe(target)}, not a list or a section.", IsUnknownKey: false));
            }
            else if (section.Value is { Length: > 0 } value && !Converts(value, target))
            {
                problems.Add(new SettingProblem(section.Path, $"{section.Path} = '{value}' is not {Describe(target)}.", IsUnknownKey: false));
            }

            return;
        }

        if (DictionaryValueType(target) is { } valueType)
        {
            children.ForEach(child => CheckValue(child, valueType, problems));
            return;
        }

        if (ElementType(target) is { } elementType)
        {
            if (children.Count == 0 && !string.IsNullOrEmpty(section.Value))
            {
                problems.Add(new SettingProblem(
                    section.Path,
                    $"{section.Path} = '{section.Value}' must be a list: a JSON array in a file, or {section.Path}:0=…, {section.Path}:1=… on the command line.",
                    IsUnknownKey: false));
                return;
            }

            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add(new SettingProblem(child.Path, $"{section.Path} is a list: '{child.Key}' is not an index (0, 1, 2, …).", IsUnknownKey: false));
                    continue;
                }

                CheckValue(child, elementType, problems);
            }

            return;
        }

        CheckObject(section, target, problems);
    }

    /// <summary>The properties the configuration binder sets, by name, ignoring case as it does.</summary>
    private static Dictionary<string, PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }
                && (p.SetMethod is { IsPublic: true } || !IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)))
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri);

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type) && !type.IsInterface)
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static bool Converts(string value, Type type)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
        _ when type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) => "a whole number of 0 or more",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(TimeSpan) => "a time span (hh:mm:ss)",
        _ => $"a {type.Name}",
    };
}
