using System.Text.Json;
using System.Text.RegularExpressions;

namespace Distillery.Nas.Reports;

/// <summary>
/// Writes a proxy-quality report into a folder: <c>nas-report-DATASET.md</c>, <c>nas-report-DATASET.json</c> and
/// <c>nas-report-DATASET-PROXY.png</c> for each proxy with scores.
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
            var path = Path.Combine(folder, $"{stem}-{Safe(row.Label)}.png");
            ProxyScatterPlot.Write(path, row, report.Dataset);
            plots[row.Label] = path;
        }

        var files = new ReportFiles(Path.Combine(folder, stem + ".md"), Path.Combine(folder, stem + ".json"), plots);
        File.WriteAllText(files.Markdown, ProxyReportMarkdown.Create(report, plots));
        File.WriteAllText(files.Json, ProxyReportJson.Create(report, files).ToJsonString(Indented));
        return files;
    }

    /// <summary>A name safe in a file name: lowercase letters, digits, '.', '_' and '-'; anything else becomes '-'.</summary>
    private static string Safe(string name) => Unsafe().Replace(name.ToLowerInvariant(), "-");

    [GeneratedRegex("[^a-z0-9._-]")]
    private static partial Regex Unsafe();
}
