namespace Distillery.Host.Plugins;

/// <summary>Splits <c>name:variant</c> (e.g. <c>convnet:d4-w64</c>) into the architecture's name and its variant.</summary>
public static class ArchitectureName
{
    public static (string Name, string? Variant) Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (value.Trim(), null);
        }

        var variant = value[(colon + 1)..].Trim();
        return (value[..colon].Trim(), variant.Length == 0 ? null : variant);
    }
}
