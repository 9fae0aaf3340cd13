namespace Distillery.Host.Plugins;

/// <summary>
/// A plugin's <c>[assembly: DistilleryPlugin]</c> manifest, read from its metadata without loading it, together with
/// the versions of <c>Distillery.Abstractions</c> and <c>TorchSharp</c> it was compiled against (null when it does not
/// reference them).
/// </summary>
public sealed record PluginManifest(
    string Id,
    string Version,
    string Description,
    int ContractMajorVersion,
    int ContractMinorVersion,
    Version? AbstractionsVersion,
    Version? TorchSharpVersion = null);
