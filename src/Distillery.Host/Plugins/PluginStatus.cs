namespace Distillery.Host.Plugins;

/// <summary>What became of a plugin (or one of its components) at start-up.</summary>
public enum PluginStatus
{
    /// <summary>Loaded; its components are in the catalog.</summary>
    Active,

    /// <summary>Turned off by configuration (<c>Plugins:Disabled</c>).</summary>
    Disabled,

    /// <summary>
    /// Valid, but not for this host: no manifest, another contract major version, a newer contract minor version, or
    /// another TorchSharp major.minor version.
    /// </summary>
    NotSupported,

    /// <summary>Broken: not an assembly, a missing dependency, a registrar that throws, a name already taken.</summary>
    Malfunctioned,

    /// <summary>Another copy of the same plugin (by id) was found first and is the one loaded.</summary>
    Duplicate,
}
