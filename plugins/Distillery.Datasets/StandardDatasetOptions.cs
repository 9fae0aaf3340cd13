using System.ComponentModel.DataAnnotations;

namespace Distillery.Datasets;

/// <summary>The options every standard dataset (one with known files and mirrors) shares.</summary>
internal abstract class StandardDatasetOptions
{
    /// <summary>A folder holding the dataset's files, searched before the cache and the system folder.</summary>
    public string? Path { get; set; }

    /// <summary>Whether missing files may be downloaded (also needs <c>Datasets:AllowDownload</c>).</summary>
    public bool AllowDownload { get; set; } = true;

    /// <summary>Keeps only the first this many training images (for quick runs). Null keeps all.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxTrainImages { get; set; }

    /// <summary>Keeps only the first this many test images (for quick runs). Null keeps all.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxTestImages { get; set; }
}
