using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Datasets.ImageFolder;

/// <summary>
/// Options of <c>image-folder</c>, bound from <c>Datasets:image-folder</c>: a user's own images, one subfolder per
/// class, either under <c>&lt;Root&gt;/train</c> and <c>&lt;Root&gt;/test</c> or directly under <c>Root</c> (then split).
/// </summary>
internal sealed class ImageFolderOptions : IValidatableObject
{
    [Description("The folder holding train/<class>/* and test/<class>/*, or <class>/*. Checked when the dataset is used, so a host that never reads image folders needs no setting.")]
    public string? Root { get; set; }

    [Description("1 for grey images, 3 for colour.")]
    [AllowedValues(1, 3, ErrorMessage = "Channels must be 1 (grey) or 3 (colour).")]
    public int Channels { get; set; } = 3;

    [Description("The width every image is resized to; with Height. Unset: all images must share one size.")]
    [Range(1, 4096)]
    public int? Width { get; set; }

    [Description("The height every image is resized to; with Width.")]
    [Range(1, 4096)]
    public int? Height { get; set; }

    [Description("The share of each class held out for testing when there is no train/test split on disk.")]
    [Range(0.0, 0.9)]
    public double TestFraction { get; set; } = 0.2;

    [Description("The seed of that split.")]
    public long Seed { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Width.HasValue != Height.HasValue)
        {
            yield return new ValidationResult(
                "Set both Width and Height to resize the images, or neither.", [nameof(Width), nameof(Height)]);
        }
    }
}
