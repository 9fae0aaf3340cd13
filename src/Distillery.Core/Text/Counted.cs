using System.Globalization;

namespace Distillery.Text;

/// <summary>A count with its noun in the right number, for messages and titles: "1 image", "10 images".</summary>
public static class Counted
{
    /// <summary>"<paramref name="count"/> <paramref name="singular"/>", or the plural (<paramref name="plural"/>, or the singular with an s) when the count is not 1.</summary>
    public static string Of(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
    }

    /// <summary>"1 image per class", "10 images per class".</summary>
    public static string ImagesPerClass(long count) => Of(count, "image") + " per class";
}
