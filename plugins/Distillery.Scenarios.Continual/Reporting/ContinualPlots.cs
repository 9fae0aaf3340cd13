using System.Globalization;
using SkiaSharp;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// Draws a run's pictures: the average accuracy after each step, one curve per learner and memory method, and each
/// accuracy matrix as a heatmap (rows: after step t; columns: test classes of step j; darker is more accurate).
/// </summary>
internal static class ContinualPlots
{
    private const int Margin = 56;

    private static readonly SKColor[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28),
        new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f),
    ];

    public static IReadOnlyList<string> Write(string outputDirectory, ContinualPlan plan, IReadOnlyList<TrackSummary> summaries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(outputDirectory);
        var stem = $"continual-{plan.Dataset}-{plan.Steps}steps-m{plan.MemoryPerClass}-seed{plan.Seed}";
        var files = new List<string> { Path.Combine(outputDirectory, stem + "-curves.png") };
        WritePng(files[0], 720, 480, canvas => DrawCurves(canvas, 720, 480, summaries));
        foreach (var summary in summaries)
        {
            var name = summary.Label.Replace(" + ", "-", StringComparison.Ordinal);
            var path = Path.Combine(outputDirectory, $"{stem}-{name}-matrix.png");
            var size = Margin + (summary.Matrix.Count * 64) + 16;
            WritePng(path, size, size, canvas => DrawHeatmap(canvas, summary));
            files.Add(path);
        }

        return files;
    }

    private static void DrawCurves(SKCanvas canvas, int width, int height, IReadOnlyList<TrackSummary> summaries)
    {
        var steps = summaries[0].Matrix.Count;
        var plot = new SKRect(Margin, 16, width - 200, height - Margin);
        using var axis = new SKPaint { Color = SKColors.Black, StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var grid = new SKPaint { Color = new SKColor(0xdd, 0xdd, 0xdd), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = new SKFont(PlotFont.Typeface, 12);
        for (var percent = 0; percent <= 100; percent += 20)
        {
            var y = plot.Bottom - (plot.Height * percent / 100f);
            canvas.DrawLine(plot.Left, y, plot.Right, y, grid);
            canvas.DrawText(Invariant($"{percent}%"), plot.Left - 6, y + 4, SKTextAlign.Right, font, ink);
        }

        canvas.DrawRect(plot, axis);
        for (var t = 0; t < steps; t++)
        {
            canvas.DrawText(Invariant($"{t + 1}"), X(t), plot.Bottom + 16, SKTextAlign.Center, font, ink);
        }

        canvas.DrawText("step", plot.MidX, plot.Bottom + 36, SKTextAlign.Center, font, ink);
        for (var i = 0; i < summaries.Count; i++)
        {
            using var line = new SKPaint { Color = Palette[i % Palette.Length], StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var fill = new SKPaint { Color = Palette[i % Palette.Length], IsAntialias = true };
            var averages = Enumerable.Range(0, steps).Select(t => summaries[i].Metrics.Average(m => m.AverageAccuracy[t])).ToArray();
            for (var t = 0; t < steps; t++)
            {
                var point = new SKPoint(X(t), Y(averages[t]));
                if (t > 0)
                {
                    canvas.DrawLine(new SKPoint(X(t - 1), Y(averages[t - 1])), point, line);
                }

                canvas.DrawCircle(point, 3.5f, fill);
            }
            var legendY = plot.Top + 8 + (i * 20);
            canvas.DrawLine(plot.Right + 12, legendY, plot.Right + 36, legendY, line);
            canvas.DrawText(summaries[i].Label, plot.Right + 42, legendY + 4, SKTextAlign.Left, font, ink);
        }

        float X(int t) => steps == 1 ? plot.MidX : plot.Left + 16 + ((plot.Width - 32) * t / (steps - 1));
        float Y(double accuracy) => plot.Bottom - (float)(plot.Height * accuracy);
    }

    private static void DrawHeatmap(SKCanvas canvas, TrackSummary summary)
    {
        const int Cell = 64;
        using var font = new SKFont(PlotFont.Typeface, 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var light = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var border = new SKPaint { Color = new SKColor(0xcc, 0xcc, 0xcc), Style = SKPaintStyle.Stroke };
        var steps = summary.Matrix.Count;
        for (var t = 0; t < steps; t++)
        {
            canvas.DrawText(Invariant($"after {t + 1}"), Margin - 4, Margin + (t * Cell) + (Cell / 2f) + 4, SKTextAlign.Right, font, ink);
            canvas.DrawText(Invariant($"step {t + 1}"), Margin + (t * Cell) + (Cell / 2f), Margin - 8, SKTextAlign.Center, font, ink);
            for (var j = 0; j < steps; j++)
            {
                var cell = SKRect.Create(Margin + (j * Cell), Margin + (t * Cell), Cell, Cell);
                canvas.DrawRect(cell, border);
                if (j > t)
                {
                    continue;
                }

                var accuracy = summary.Matrix[t][j];
                var shade = (byte)(255 - Math.Clamp(accuracy, 0, 1) * 200);
                using var fill = new SKPaint { Color = new SKColor(shade, shade, 255) };
                canvas.DrawRect(cell, fill);
                canvas.DrawText(Invariant($"{accuracy * 100:F0}"), cell.MidX, cell.MidY + 5, SKTextAlign.Center, font, accuracy > 0.6 ? light : ink);
            }
        }
    }

    private static void WritePng(string path, int width, int height, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            data.SaveTo(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
