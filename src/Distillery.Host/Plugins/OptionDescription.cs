namespace Distillery.Host.Plugins;

/// <summary>
/// One setting of an options class, as <c>plugins show</c> lists it. <see cref="Key"/> is the path under the
/// component's section (<c>Iterations</c>, <c>Augmentation:Strategy</c>, <c>Steps:N:Name</c> for the elements of a
/// list of objects); values are written as they would be typed in configuration, or null when unset.
/// </summary>
public sealed record OptionDescription(
    string Key,
    string Type,
    string? Default,
    string? Current,
    string? Allowed,
    string Description)
{
    /// <summary>Whether the configured value differs from the options class's default.</summary>
    public bool IsChanged => !string.Equals(Default, Current, StringComparison.Ordinal);
}
