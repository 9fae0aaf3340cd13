using System.ComponentModel.DataAnnotations;

namespace Distillery.Datasets.ImageFolder;

/// <summary>
/// Options of <c>image-folder</c>, bound from <c>Datasets:image-folder</c>: a user's own images, one subfolder per
/// class, either under <c>&lt;Root&gt;/train</c> and <c>&lt;Root&gt;/test</c> or directly under <c>Root</c> (then split).
/// </summary>
internal sealed class ImageFolderOptions : IValidatableObject
{
    /// <summary>
    /// The folder holding <c>train/&lt;class&gt;/*</c> and <c>test/&lt;class&gt;/*</c>, or <c>&lt;class&gt;/*</c>.
    /// Checked when the dataset is used, so a host that never reads image folders needs no setting.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>1 for grey images, 3 for colour.</summary>
    [AllowedValues(1, 3, ErrorMessage = "Channels must be 1 (grey) or 3 (colour).")]
    public int Channels { get; set; } = 3;

    /// <summary>The width every image is resized to; with <see cref="Height"/>. Unset: all images must share one size.</summary>
    [Range(1, 4096)]
    public int? Width { get; set; }

    /// <summary>The height every image is resized to; with <see cref="Width"/>.</summary>
    [Range(1, 4096)]
    public int? Height { get; set; }

    /// <summary>The share of each class held out for testing when there is no <c>train</c>/<c>test</c> split on disk.</summary>
    [Range(0.0, 0.9)]
    public double TestFraction { get; set; } = 0.2;

    /// <summary>The seed of that split.</summary>
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
