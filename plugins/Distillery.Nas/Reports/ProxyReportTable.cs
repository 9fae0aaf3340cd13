namespace Distillery.Nas.Reports;

/// <summary>The proxy-quality report's one table, as header and rows of text, for the console and for Markdown.</summary>
internal static class ProxyReportTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "proxy", "candidates", "ρ", "ρ top-10", "ρ top-20", "τ", "τ top-10", "τ top-20", "top-1 regret", "P@5", "P@10", "s/candidate", "total s", "speed-up",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(ProxyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Proxies.Select(Row)];
    }

    /// <summary>The lines above the table: what the ground truth is.</summary>
    public static string Title(ProxyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return System.FormattableString.Invariant(
            $"Proxy quality on {report.Dataset} (seed {report.Seed}): {report.Proxies.Count} {(report.Proxies.Count == 1 ? "proxy" : "proxies")} against the ground truth of {report.TruthCandidates} candidates (full, protocol {report.TruthProtocol})");
    }

    private static IReadOnlyList<string> Row(ProxyRow row)
    {
        var m = row.Metrics;
        var candidates = row.Missing > 0 ? System.FormattableString.Invariant($"{row.Points.Count} ({row.Missing} missing)") : System.FormattableString.Invariant($"{row.Points.Count}");
        return
        [
            row.Label,
            candidates,
            ReportFormat.Number(m.Spearman),
            ReportFormat.Number(m.SpearmanTop10),
            ReportFormat.Number(m.SpearmanTop20),
            ReportFormat.Number(m.Kendall),
            ReportFormat.Number(m.KendallTop10),
            ReportFormat.Number(m.KendallTop20),
            ReportFormat.Points(m.TopRegret),
            ReportFormat.Number(m.PrecisionAt5, "F2"),
            ReportFormat.Number(m.PrecisionAt10, "F2"),
            ReportFormat.Number(row.SecondsPerCandidate, "F2"),
            ReportFormat.Number(row.Seconds, "F1"),
            ReportFormat.SpeedUp(row.SpeedUp),
        ];
    }
}
