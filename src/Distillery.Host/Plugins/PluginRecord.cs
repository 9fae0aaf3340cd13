namespace Distillery.Host.Plugins;

/// <summary>One folder of the plugins directory and what became of it.</summary>
public sealed record PluginRecord(
    string Folder,
    string? AssemblyPath,
    PluginManifest? Manifest,
    PluginStatus Status,
    string? Reason,
    IReadOnlyList<ComponentEntry> Components)
{
    /// <summary>The manifest's id, or the folder name when the manifest could not be read.</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(Folder);

    public string Version => Manifest?.Version ?? "?";

    /// <summary>The commands it brought to the command line.</summary>
    public IReadOnlyList<PluginCommand> Commands { get; init; } = [];

    public IReadOnlyList<PluginCommandGroup> CommandGroups { get; init; } = [];

    /// <summary>The artifact owner names it claimed in the workspace.</summary>
    public IReadOnlyList<string> ArtifactOwners { get; init; } = [];

    /// <summary>The top-level configuration sections it binds.</summary>
    public IReadOnlyList<PluginSettings> Settings { get; init; } = [];
}
