using System.Text;

namespace Distillery.Nas.Reports;

/// <summary>The proxy-quality report as a Markdown page: the table, how to read it, the notes, the plots.</summary>
internal static class ProxyReportMarkdown
{
    public static string Create(ProxyReport report, IReadOnlyDictionary<string, string> plots)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plots);
        var text = new StringBuilder();
        text.Append("# ").AppendLine(ProxyReportTable.Title(report)).AppendLine();
        text.AppendLine(System.FormattableString.Invariant(
            $"Ground truth: the `full` evaluator, protocol `{report.TruthProtocol}` (`{report.TruthProtocolJson}`), on {report.Dataset} (training-set fingerprint `{report.DatasetFingerprint}`), seed {report.Seed}."));
        text.AppendLine();
        Row(text, ProxyReportTable.Header);
        Row(text, ProxyReportTable.Header.Select(_ => "---").ToList());
        foreach (var row in ProxyReportTable.Rows(report))
        {
            Row(text, row);
        }

        text.AppendLine();
        text.AppendLine("ρ: Spearman (average ranks for ties); τ: Kendall τ-b; top-k: over the best k candidates by ground truth. " +
            "Top-1 regret: ground-truth accuracy of the best candidate minus that of the proxy's first choice (ties broken by name). " +
            "P@k: the share of the true top k in the proxy's top k. Speed-up: the ground truth's seconds over the proxy's, for the same candidates. " +
            "A candidate the proxy failed on counts as its worst; one whose ground truth failed is left out. '-': not defined (no more candidates than k, or a constant score).");
        if (report.Notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes)
            {
                text.Append("- ").AppendLine(note);
            }
        }

        if (plots.Count > 0)
        {
            text.AppendLine().AppendLine("## Proxy score against ground truth").AppendLine();
            foreach (var (label, path) in plots)
            {
                text.AppendLine(System.FormattableString.Invariant($"![{label}]({Path.GetFileName(path)})")).AppendLine();
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, IReadOnlyList<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).AppendLine(" |");
}
