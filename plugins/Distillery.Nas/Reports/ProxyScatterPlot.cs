using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Distillery.Nas.Reports;

/// <summary>
/// Draws a proxy's scores against the ground-truth accuracy, one point per candidate, coloured by the candidate's
/// depth (read from a ConvNet name, <c>d3-w128-…</c>; candidates without one in grey), with ρ and τ in the title.
/// Candidates the proxy failed on have no score to place and are counted in the title instead.
/// </summary>
internal static partial class ProxyScatterPlot
{
    public static void Write(string path, ProxyRow row, string dataset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(row);
        var plot = new Plot();
        PlotFont.Apply(plot);
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var group in row.Points.Where(p => !p.ProxyFailed).GroupBy(p => Depth(p.Candidate)).OrderBy(g => g.Key ?? int.MaxValue))
        {
            var scatter = plot.Add.ScatterPoints(group.Select(p => p.Proxy).ToArray(), group.Select(p => p.Truth * 100).ToArray());
            scatter.Color = group.Key is { } depth ? palette.GetColor(depth - 1) : Colors.Gray;
            scatter.MarkerSize = 7;
            scatter.LegendText = group.Key is { } d ? string.Create(CultureInfo.InvariantCulture, $"depth {d}") : "no depth";
        }

        var failed = row.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {row.Failed} failed not shown") : string.Empty;
        var metrics = string.Create(
            CultureInfo.InvariantCulture,
            $"vs ground truth on {dataset}: ρ = {ReportFormat.Number(row.Metrics.Spearman)}, τ = {ReportFormat.Number(row.Metrics.Kendall)} (n = {row.Points.Count}{failed})");
        var labelLines = TitleLines(row.Label).ToList();
        plot.Title(string.Join('\n', labelLines.Append(metrics)));
        plot.XLabel(labelLines.Count == 1 ? $"{row.Label} score" : "score of the proxy in the title");
        plot.YLabel("ground-truth accuracy (%)");
        plot.ShowLegend(Alignment.LowerRight);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        plot.SavePng(path, 800, 600);
    }

    /// <summary>
    /// A proxy's label in lines that fit the picture's width: a combination breaks after each " + ", a long label
    /// after the ", " nearest the width.
    /// </summary>
    public static IEnumerable<string> TitleLines(string label)
    {
        const int width = 70;
        var parts = label.Split(" + ");
        for (var i = 0; i < parts.Length; i++)
        {
            var rest = i < parts.Length - 1 ? parts[i] + " +" : parts[i];
            while (rest.Length > width && rest.LastIndexOf(", ", width, StringComparison.Ordinal) is var cut and > 0)
            {
                yield return rest[..(cut + 1)];
                rest = rest[(cut + 2)..];
            }

            yield return rest;
        }
    }

    /// <summary>The depth in a ConvNet candidate's name (<c>d3-w128-relu-…</c>, or <c>convnet:d3-…</c>), or null.</summary>
    public static int? Depth(string candidate) =>
        DepthPattern().Match(candidate ?? string.Empty) is { Success: true } match && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var depth) && depth > 0
            ? depth
            : null;

    [GeneratedRegex(@"(?:^|:)d(\d+)-")]
    private static partial Regex DepthPattern();
}
