namespace Distillery.Scenarios;

/// <summary>A table of text cells, drawn by the host.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
