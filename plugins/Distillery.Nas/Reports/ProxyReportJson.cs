using System.Text.Json.Nodes;

namespace Distillery.Nas.Reports;

/// <summary>The proxy-quality report as one JSON document (NaN and infinite figures as null).</summary>
internal static class ProxyReportJson
{
    public static JsonObject Create(ProxyReport report, ReportFiles? files)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["dataset"] = report.Dataset,
            ["datasetFingerprint"] = report.DatasetFingerprint,
            ["seed"] = report.Seed,
            ["truth"] = new JsonObject
            {
                ["evaluator"] = Evaluators.FullEvaluator.Name,
                ["protocol"] = report.TruthProtocol,
                ["protocolJson"] = report.TruthProtocolJson,
                ["candidates"] = report.TruthCandidates,
                ["failed"] = report.TruthFailed,
            },
            ["proxies"] = new JsonArray([.. report.Proxies.Select(p => (JsonNode)Proxy(p, files))]),
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
        };
        if (files is not null)
        {
            json["files"] = new JsonObject
            {
                ["markdown"] = files.Markdown,
                ["json"] = files.Json,
                ["plots"] = new JsonArray([.. files.Plots.Values.Select(p => (JsonNode)JsonValue.Create(p))]),
            };
        }

        return json;
    }

    private static JsonObject Proxy(ProxyRow row, ReportFiles? files)
    {
        var m = row.Metrics;
        return new JsonObject
        {
            ["label"] = row.Label,
            ["evaluator"] = row.Evaluator,
            ["protocol"] = row.Protocol,
            ["protocolJson"] = row.ProtocolJson,
            ["candidates"] = row.Points.Count,
            ["missing"] = row.Missing,
            ["failed"] = row.Failed,
            ["scoredNow"] = row.ScoredNow,
            ["spearman"] = ReportFormat.Json(m.Spearman),
            ["spearmanTop10"] = ReportFormat.Json(m.SpearmanTop10),
            ["spearmanTop20"] = ReportFormat.Json(m.SpearmanTop20),
            ["kendall"] = ReportFormat.Json(m.Kendall),
            ["kendallTop10"] = ReportFormat.Json(m.KendallTop10),
            ["kendallTop20"] = ReportFormat.Json(m.KendallTop20),
            ["topRegret"] = ReportFormat.Json(m.TopRegret),
            ["proxyPick"] = m.ProxyPick,
            ["truePick"] = m.TruePick,
            ["precisionAt5"] = ReportFormat.Json(m.PrecisionAt5),
            ["precisionAt10"] = ReportFormat.Json(m.PrecisionAt10),
            ["secondsPerCandidate"] = ReportFormat.Json(row.SecondsPerCandidate),
            ["seconds"] = row.Seconds,
            ["truthSeconds"] = row.TruthSeconds,
            ["speedUp"] = ReportFormat.Json(row.SpeedUp),
            ["plot"] = files is not null && files.Plots.TryGetValue(row.Label, out var plot) ? plot : null,
            ["points"] = new JsonArray([.. row.Points.Select(p => (JsonNode)new JsonObject
            {
                ["candidate"] = p.Candidate,
                ["truth"] = p.Truth,
                ["proxy"] = ReportFormat.Json(p.Proxy),
            })]),
        };
    }
}
