using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Distillery.Host.Plugins;

/// <summary>
/// Reads an options class for <c>plugins show</c>: each setting's key, its type in words, its default (from a fresh
/// instance), its configured value, what it allows (from DataAnnotations attributes and enum names) and its
/// <see cref="DescriptionAttribute"/>. Nested objects are listed key by key; lists say what their elements are.
/// </summary>
public static class OptionsDescriber
{
    private const int MaximumDepth = 4;

    /// <summary>The settings of <paramref name="type"/>; <paramref name="configured"/> is the bound options object, if any.</summary>
    public static IReadOnlyList<OptionDescription> Describe(Type type, object? configured)
    {
        ArgumentNullException.ThrowIfNull(type);
        var rows = new List<OptionDescription>();
        Add(rows, type, prefix: string.Empty, Fresh(type), configured, depth: 0);
        return rows;
    }

    /// <summary>The type in words: <c>whole number</c>, <c>list of text</c>, <c>one of Real, Noise</c>.</summary>
    public static string Words(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Words(inner) + " (optional)";
        }

        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "whole number",
            _ when type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) => "whole number, 0 or more",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "number",
            _ when type == typeof(TimeSpan) => "time span (hh:mm:ss)",
            _ when type.IsEnum => "choice",
            _ when DictionaryValueType(type) is { } value => $"map of name to {Words(value)}",
            _ when ElementType(type) is { } element => $"list of {Words(element)}",
            _ when IsScalar(type) => type.Name,
            _ => "settings",
        };
    }

    private static void Add(List<OptionDescription> rows, Type type, string prefix, object? defaults, object? configured, int depth)
    {
        foreach (var property in Settable(type))
        {
            var key = prefix + property.Name;
            var propertyType = property.PropertyType;
            var target = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
            var defaultValue = Read(property, defaults);
            var currentValue = configured is null ? defaultValue : Read(property, configured);
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty;
            if (!IsScalar(target) && DictionaryValueType(target) is null && ElementType(target) is null)
            {
                rows.Add(new OptionDescription(key, "settings", null, null, null, description));
                if (depth < MaximumDepth)
                {
                    Add(rows, target, key + ":", defaultValue ?? Fresh(target), currentValue, depth + 1);
                }

                continue;
            }

            rows.Add(new OptionDescription(key, Words(propertyType), Format(defaultValue), Format(currentValue), Allowed(property, target), description));
            var element = DictionaryValueType(target) ?? ElementType(target);
            if (element is not null && !IsScalar(Nullable.GetUnderlyingType(element) ?? element) && depth < MaximumDepth)
            {
                Add(rows, element, key + ":N:", Fresh(element), null, depth + 1);
            }
        }
    }

    /// <summary>The properties configuration binds: public, readable, with a public setter, or objects it fills in place.</summary>
    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => p.SetMethod is { IsPublic: true }
                || (!IsScalar(p.PropertyType) && ElementType(p.PropertyType) is null && DictionaryValueType(p.PropertyType) is null && p.PropertyType.IsClass));

    private static string? Allowed(PropertyInfo property, Type type)
    {
        var parts = new List<string>();
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            switch (attribute)
            {
                case RangeAttribute range:
                    parts.Add(Range(range));
                    break;
                case RegularExpressionAttribute pattern:
                    parts.Add($"matches {pattern.Pattern}");
                    break;
                case AllowedValuesAttribute allowed:
                    parts.Add("one of " + string.Join(", ", allowed.Values.Select(v => Format(v) ?? "null")));
                    break;
                case DeniedValuesAttribute denied:
                    parts.Add("not " + string.Join(", ", denied.Values.Select(v => Format(v) ?? "null")));
                    break;
                case StringLengthAttribute length:
                    parts.Add($"{length.MinimumLength} to {length.MaximumLength} characters");
                    break;
                case MinLengthAttribute length:
                    parts.Add($"at least {length.Length} long");
                    break;
                case MaxLengthAttribute length:
                    parts.Add($"at most {length.Length} long");
                    break;
                case LengthAttribute length:
                    parts.Add($"{length.MinimumLength} to {length.MaximumLength} long");
                    break;
                case RequiredAttribute:
                    parts.Add("required");
                    break;
                case EnumDataTypeAttribute:
                    break;
                default:
                    break;
            }
        }

        var element = ElementType(type) ?? type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        if (element.IsEnum)
        {
            parts.Insert(0, "one of " + string.Join(", ", Enum.GetNames(element)));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Range(RangeAttribute range)
    {
        var minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
        var maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
        var unbounded = range.Maximum is int.MaxValue or long.MaxValue or double.MaxValue or double.PositiveInfinity;
        if (!range.MinimumIsExclusive && !range.MaximumIsExclusive)
        {
            return unbounded ? $"{minimum} or more" : $"{minimum} to {maximum}";
        }

        var low = range.MinimumIsExclusive ? $"more than {minimum}" : $"at least {minimum}";
        var high = range.MaximumIsExclusive ? $"less than {maximum}" : $"at most {maximum}";
        return unbounded ? low : $"{low} and {high}";
    }

    private static object? Read(PropertyInfo property, object? instance)
    {
        if (instance is null)
        {
            return null;
        }

        try
        {
            return property.GetValue(instance);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static object? Fresh(Type type)
    {
        if (type.IsAbstract || type.IsInterface || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        try
        {
            return Activator.CreateInstance(type);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    /// <summary>A value as it is written in configuration; lists as <c>[a, b]</c>; null when unset.</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => $"{Format(k)}: {Format(dictionary[k])}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Format(i) ?? "null")) + "]",
        _ => value.ToString(),
    };

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
        || (Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner));

    private static Type? DictionaryValueType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
