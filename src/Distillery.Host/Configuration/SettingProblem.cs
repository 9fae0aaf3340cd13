namespace Distillery.Host.Configuration;

/// <summary>
/// One key the configuration cannot take: unknown (<see cref="IsUnknownKey"/>, which <c>--allow-unknown-settings</c>
/// turns into a warning) or a value of the wrong shape or type.
/// </summary>
public sealed record SettingProblem(string Path, string Message, bool IsUnknownKey)
{
    /// <summary>An unknown key, with the nearest of <paramref name="known"/> suggested, or the list when none is near.</summary>
    public static SettingProblem Unknown(string path, string message, IEnumerable<string> known)
    {
        var names = known.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var name = path[(path.LastIndexOf(':') + 1)..];
        var nearest = NearestName.Find(name, names);
        var hint = nearest is not null ? $" Did you mean {nearest}?"
            : names.Count > 0 ? $" Known here: {string.Join(", ", names)}."
            : string.Empty;
        return new SettingProblem(path, message + hint, IsUnknownKey: true);
    }
}
