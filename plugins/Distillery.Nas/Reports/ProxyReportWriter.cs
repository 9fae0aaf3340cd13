using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Distillery.Nas.Reports;

/// <summary>
/// Writes a proxy-quality report into a folder: <c>nas-report-DATASET.md</c>, <c>nas-report-DATASET.json</c> and
/// <c>nas-report-DATASET-PROXY.png</c> for each proxy with scores (<see cref="PlotName"/>).
/// </summary>
internal static partial class ProxyReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ReportFiles Write(ProxyReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var stem = "nas-report-" + Safe(report.Dataset);
        var plots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in report.Proxies.Where(p => p.Points.Count > 0))
        {
            var path = Path.Combine(folder, $"{stem}-{PlotName(row.Label)}.png");
            ProxyScatterPlot.Write(path, row, report.Dataset);
            plots[row.Label] = path;
        }

        var files = new ReportFiles(Path.Combine(folder, stem + ".md"), Path.Combine(folder, stem + ".json"), plots);
        File.WriteAllText(files.Markdown, ProxyReportMarkdown.Create(report, plots));
        File.WriteAllText(files.Json, ProxyReportJson.Create(report, files).ToJsonString(Indented));
        return files;
    }

    /// <summary>The most characters a proxy's part of a plot's file name takes, so that paths stay short on every system.</summary>
    public const int MaxPlotName = 64;

    /// <summary>
    /// A proxy's label as part of a file name (<see cref="Safe"/>); a longer one than <see cref="MaxPlotName"/> keeps its
    /// start and ends with a hash of the whole label, so labels that differ only at their end get files of their own.
    /// </summary>
    public static string PlotName(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var safe = Safe(label);
        if (safe.Length <= MaxPlotName)
        {
            return safe;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)))[..12];
        return $"{safe[..(MaxPlotName - hash.Length - 1)]}-{hash}";
    }

    /// <summary>A name safe in a file name: lowercase letters, digits, '.', '_' and '-'; anything else becomes '-'.</summary>
    private static string Safe(string name) => Unsafe().Replace(name.ToLowerInvariant(), "-");

    [GeneratedRegex("[^a-z0-9._-]")]
    private static partial Regex Unsafe();
}
