namespace Distillery.Imaging;

/// <summary>
/// Usual sans-serif font files on Linux, macOS and Windows, for drawing text where the graphics library cannot ask the
/// system for fonts (a headless Linux without fontconfig).
/// </summary>
public static class FontFiles
{
    private static readonly string[] SansSerif =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    /// <summary>The sans-serif font files found on this machine, most usual first.</summary>
    public static IEnumerable<string> SansSerifOnThisMachine() => SansSerif.Where(File.Exists);
}
