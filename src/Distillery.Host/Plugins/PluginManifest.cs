namespace Distillery.Host.Plugins;

/// <summary>
/// A plugin's <c>[assembly: DistilleryPlugin]</c> manifest, read from its metadata without loading it, together with
/// the version of <c>Distillery.Abstractions</c> it was compiled against.
/// </summary>
public sealed record PluginManifest(
    string Id,
    string Version,
    string Description,
    int ContractMajorVersion,
    int ContractMinorVersion,
    Version? AbstractionsVersion);
