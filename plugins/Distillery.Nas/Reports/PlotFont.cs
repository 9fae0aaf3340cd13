using Distillery.Imaging;

namespace Distillery.Nas.Reports;

/// <summary>
/// The font plots write their labels in. Skia's default has no glyphs where it cannot ask the system for fonts (a
/// headless Linux without fontconfig), so a usual font file is registered with ScottPlot under a name of its own;
/// without one, plots keep ScottPlot's default (and may have no labels).
/// </summary>
internal static class PlotFont
{
    private const string Name = "Distillery Sans";

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Sets every label of <paramref name="plot"/> in the registered font, if one was found.</summary>
    public static void Apply(ScottPlot.Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (Registered.Value)
        {
            plot.Font.Set(Name);
        }
    }

    private static bool Register()
    {
        var path = FontFiles.SansSerifOnThisMachine().FirstOrDefault();
        if (path is null)
        {
            return false;
        }

        ScottPlot.Fonts.AddFontFile(Name, path);
        return true;
    }
}
