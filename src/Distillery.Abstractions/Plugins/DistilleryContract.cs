namespace Distillery.Plugins;

/// <summary>The version of the plugin contract. A plugin built against another major version is not loaded.</summary>
public static class DistilleryContract
{
    public const int MajorVersion = 2;
    public const int MinorVersion = 2;

    public static Version Version { get; } = new(MajorVersion, MinorVersion);
}
