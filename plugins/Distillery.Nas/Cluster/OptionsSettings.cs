using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Distillery.Nas.Cluster;

/// <summary>
/// An options object as the configuration keys that bind it again (<c>Epochs</c> = <c>30</c>), so a worker can make the
/// coordinator's evaluator options from its own configuration. Only settable properties are settings; a property
/// filled in by the component (a set's fingerprint) is left out and checked through the protocol instead.
/// </summary>
internal static class OptionsSettings
{
    public static Dictionary<string, string?> Of(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(settings, prefix: null, options);
        return settings;
    }

    private static void Add(Dictionary<string, string?> settings, string? prefix, object options)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = prefix is null ? property.Name : $"{prefix}:{property.Name}";
            var value = property.GetValue(options);
            switch (value)
            {
                case null:
                    break;
                case IEnumerable items and not string:
                    throw new NotSupportedException(
                        $"The setting {key} is a list; evaluator settings sent to cluster workers must be single values.");
                default:
                    if (IsScalar(value.GetType()))
                    {
                        settings[key] = Convert.ToString(value, CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Add(settings, key, value);
                    }

                    break;
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);
}
