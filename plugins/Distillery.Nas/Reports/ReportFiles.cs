namespace Distillery.Nas.Reports;

/// <summary>The files a proxy-quality report was written to: Markdown, JSON, and a scatter plot per proxy (by label).</summary>
internal sealed record ReportFiles(string Markdown, string Json, IReadOnlyDictionary<string, string> Plots);
