namespace Distillery.Host.Plugins;

/// <summary>Where plugins are found and which are turned off.</summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>The built-in plugins folder; default <c>plugins</c> next to the executable.</summary>
    public string? Path { get; set; }

    /// <summary>Whether to load the built-in folder (<see cref="Path"/>); false loads only <see cref="Folders"/>.</summary>
    public bool BuiltIn { get; set; } = true;

    /// <summary>
    /// More plugins folders, loaded after the built-in one and separated by the system's path separator (<c>:</c> on
    /// Linux, <c>;</c> on Windows); <c>--plugins DIR</c> adds one. Each must exist.
    /// </summary>
    public string? Folders { get; set; }

    /// <summary>Ids of plugins not to load (as in their manifest, e.g. <c>distillery.methods.coresets</c>).</summary>
    public List<string> Disabled { get; set; } = [];

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "plugins")
            : System.IO.Path.GetFullPath(Path);

    /// <summary>The folders to scan, in order, each once: the built-in one (if on; it may be absent), then the others.</summary>
    public IReadOnlyList<PluginFolder> ResolveFolders()
    {
        var folders = new List<PluginFolder>();
        if (BuiltIn)
        {
            folders.Add(new PluginFolder(ResolvePath(), MustExist: false));
        }

        foreach (var folder in (Folders ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
            if (!folders.Any(f => string.Equals(System.IO.Path.TrimEndingDirectorySeparator(f.Path), full, StringComparison.Ordinal)))
            {
                folders.Add(new PluginFolder(full, MustExist: true));
            }
        }

        return folders;
    }
}

/// <summary>A folder of plugin folders; one the user named must exist.</summary>
public sealed record PluginFolder(string Path, bool MustExist);
