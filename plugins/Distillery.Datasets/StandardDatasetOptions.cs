using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Datasets;

/// <summary>The options every standard dataset (one with known files and mirrors) shares.</summary>
internal abstract class StandardDatasetOptions
{
    [Description("A folder holding the dataset's files, searched before the cache and the system folder.")]
    public string? Path { get; set; }

    [Description("Whether missing files may be downloaded (also needs Datasets:AllowDownload).")]
    public bool AllowDownload { get; set; } = true;

    [Description("Keeps only the first this many training images (for quick runs). Null keeps all.")]
    [Range(1, int.MaxValue)]
    public int? MaxTrainImages { get; set; }

    [Description("Keeps only the first this many test images (for quick runs). Null keeps all.")]
    [Range(1, int.MaxValue)]
    public int? MaxTestImages { get; set; }
}
