namespace Distillery.Plugins;

/// <summary>
/// The version of the plugin contract, which is also the version of the Distillery.Abstractions package. A plugin built
/// against another major version, or a newer minor version, is not loaded. 2.2 added <c>SeedSequence</c>;
/// 2.3 added <c>Formation</c> (multi-formation decoding of a set's images) and the snapshot that carries it; 2.4 the
/// snapshot that carries learned soft labels and a learned learning rate.
/// </summary>
public static class DistilleryContract
{
    public const int MajorVersion = 2;
    public const int MinorVersion = 4;

    public static Version Version { get; } = new(MajorVersion, MinorVersion);
}
