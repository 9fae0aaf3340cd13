namespace Distillery.Plugins;

/// <summary>
/// The plugin's manifest, declared once per plugin assembly:
/// <c>[assembly: DistilleryPlugin("my-plugin", "1.0.0", "What it adds")]</c>.
/// The contract version defaults to the one the plugin is compiled against, so it is baked into the plugin.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class DistilleryPluginAttribute(
    string id,
    string version,
    string description,
    int contractMajorVersion = DistilleryContract.MajorVersion,
    int contractMinorVersion = DistilleryContract.MinorVersion) : Attribute
{
    public string Id { get; } = id;

    public string Version { get; } = version;

    public string Description { get; } = description;

    public int ContractMajorVersion { get; } = contractMajorVersion;

    public int ContractMinorVersion { get; } = contractMinorVersion;
}
