using System.Text.Json.Nodes;

namespace Distillery.Scenarios;

/// <summary>
/// What a run produced: tables for the console, one JSON document for <c>--output json</c>, and the files it wrote.
/// </summary>
public sealed record RunReport(
    string Title,
    IReadOnlyList<ReportTable> Tables,
    JsonObject Data,
    IReadOnlyList<string> Files);
