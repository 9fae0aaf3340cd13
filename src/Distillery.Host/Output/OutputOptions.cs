using System.ComponentModel.DataAnnotations;

namespace Distillery.Host.Output;

/// <summary>Where commands write pictures and files.</summary>
public sealed class OutputOptions
{
    public const string Section = "Output";

    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "out";

    /// <summary>The most images per class drawn in a PNG grid.</summary>
    [Range(1, 1000)]
    public int MaxImagesPerClass { get; set; } = 10;

    /// <summary>Pixels per image pixel in a PNG grid.</summary>
    [Range(1, 16)]
    public int Scale { get; set; } = 2;
}
