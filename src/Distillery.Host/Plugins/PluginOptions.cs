namespace Distillery.Host.Plugins;

/// <summary>Where plugins are found and which are turned off.</summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>The plugins folder; default <c>plugins</c> next to the executable.</summary>
    public string? Path { get; set; }

    /// <summary>Ids of plugins not to load (as in their manifest, e.g. <c>distillery.methods.coresets</c>).</summary>
    public List<string> Disabled { get; set; } = [];

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "plugins")
            : System.IO.Path.GetFullPath(Path);
}
