using Distillery.Imaging;
using SkiaSharp;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// The typeface plots write their labels in. Skia's default has no glyphs where it cannot ask the system for fonts
/// (a headless Linux without fontconfig), so a usual font file is looked for; without one, plots have no labels.
/// </summary>
internal static class PlotFont
{
    private static readonly Lazy<SKTypeface> Shared = new(Find);

    public static SKTypeface Typeface => Shared.Value;

    private static SKTypeface Find()
    {
        var fallback = SKTypeface.Default;
        if (fallback.GlyphCount > 0)
        {
            return fallback;
        }

        foreach (var path in FontFiles.SansSerifOnThisMachine())
        {
            if (SKTypeface.FromFile(path) is { GlyphCount: > 0 } typeface)
            {
                return typeface;
            }
        }

        return fallback;
    }
}
