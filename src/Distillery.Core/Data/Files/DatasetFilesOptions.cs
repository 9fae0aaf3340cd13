using System.ComponentModel.DataAnnotations;
using Distillery.Components;

namespace Distillery.Data.Files;

/// <summary>Where dataset files are looked for and whether they may be downloaded. Bound from <c>Datasets</c>.</summary>
public sealed class DatasetFilesOptions
{
    public const string SectionName = ComponentSections.Datasets;

    /// <summary>
    /// The cache that downloads go to, one subfolder per dataset. Defaults to <c>$XDG_CACHE_HOME/distillery/datasets</c>
    /// or <c>~/.cache/distillery/datasets</c>.
    /// </summary>
    public string? CacheRoot { get; set; }

    /// <summary>The system folder that packaged datasets install into, one subfolder per dataset.</summary>
    [Required]
    public string SystemRoot { get; set; } = "/usr/share/datasets";

    /// <summary>Whether missing files may be downloaded from the datasets' mirrors.</summary>
    public bool AllowDownload { get; set; } = true;

    /// <summary>Whether files found locally under their own name are checked against the expected size and checksum too.</summary>
    public bool VerifyLocalFiles { get; set; }

    /// <summary>How long to wait for a mirror to answer, in seconds.</summary>
    [Range(1, 3600)]
    public int ConnectTimeoutSeconds { get; set; } = 60;

    /// <summary><see cref="CacheRoot"/>, or the default when it is not set.</summary>
    public string EffectiveCacheRoot
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(CacheRoot))
            {
                return Path.GetFullPath(CacheRoot);
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrWhiteSpace(xdg) || !Path.IsPathRooted(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "distillery", "datasets");
        }
    }
}
