namespace Distillery.Plugins;

/// <summary>
/// The version of the plugin contract, which is also the version of the Distillery.Abstractions package. A plugin built
/// against another major version, or a newer minor version, is not loaded. 2.2 added <c>SeedSequence</c>.
/// </summary>
public static class DistilleryContract
{
    public const int MajorVersion = 2;
    public const int MinorVersion = 2;

    public static Version Version { get; } = new(MajorVersion, MinorVersion);
}
