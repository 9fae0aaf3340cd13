using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Runs;
using Distillery.Text;
using Distillery.Training;

namespace Distillery.Scenarios.Benchmark;

/// <summary>The benchmark's table and JSON document.</summary>
internal static class BenchmarkReport
{
    public static RunReport Create(BenchmarkOptions settings, EvaluationOptions evaluation, IReadOnlyList<BenchmarkRow> rows, IReadOnlyList<string> files)
    {
        var architectures = settings.EvaluationArchitectures;
        var columns = new List<string> { "method", "ipc" };
        columns.AddRange(architectures.Select(a => $"{a} %"));

        // Only when a set has soft labels: the same images with hard labels alone, beside them.
        var hard = rows.Any(row => row.HardLabels.Count > 0);
        if (hard)
        {
            columns.AddRange(architectures.Select(a => $"hard labels, {a} %"));
        }

        columns.AddRange(architectures.Select(a => $"random subset, {a} %"));
        columns.Add("stored numbers");
        columns.Add("distill time");

        // Only when a set brought soft labels or a learning rate of its own: which ones its networks trained with.
        var learned = rows.Any(row => row.Results.Any(result => result.LearnedTraining is not null));
        if (learned)
        {
            columns.Add("trained with");
        }

        var table = rows.Select(row => (IReadOnlyList<string>)
            [
                row.Method,
                $"{row.ImagesPerClass}",
                .. architectures.Select(a => Cell(row.Results, a)),
                .. hard ? architectures.Select(a => Cell(row.HardLabels, a)) : [],
                .. architectures.Select(a => Cell(row.Baseline, a)),
                row.Budget is { } budget ? string.Create(CultureInfo.InvariantCulture, $"{budget.Numbers:N0}") + (budget.Factor > 1 ? $" (×{budget.Factor})" : string.Empty) : "—",
                string.Create(CultureInfo.InvariantCulture, $"{row.Distillation.Seconds:F1} s"),
                .. learned ? [TrainedWith(row.Results, evaluation)] : Array.Empty<string>(),
            ])
            .ToArray();

        var title = $"Benchmark on {settings.Dataset}: mean ± std test accuracy over {Counted.Of(evaluation.Networks, "network")}, " +
                    $"{Counted.Of(evaluation.Epochs, "epoch")}, augmentation {evaluation.Augmentation}; stored numbers: the pixels of the stored images " +
                    "plus, per image, one number per class for soft labels (10 for 10 classes); ×k marks images decoded by multi-formation";
        var data = new JsonObject
        {
            ["scenario"] = "benchmark",
            ["dataset"] = settings.Dataset,
            ["seed"] = settings.Seed,
            ["evaluation"] = new JsonObject
            {
                ["epochs"] = evaluation.Epochs,
                ["networks"] = evaluation.Networks,
                ["augmentation"] = evaluation.Augmentation,
                ["batch_size"] = evaluation.BatchSize,
                ["learning_rate"] = evaluation.LearningRate,
            },
            ["results"] = new JsonArray(rows.Select(Json).ToArray()),
            ["files"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()),
        };
        return new RunReport(title, [new ReportTable($"{settings.Dataset}, seed {settings.Seed}", columns, table)], data, files);
    }

    private static string TrainedWith(IReadOnlyList<EvaluationResult> results, EvaluationOptions evaluation) =>
        results.Select(result => result.LearnedTraining).FirstOrDefault(text => text is not null)
        ?? string.Create(CultureInfo.InvariantCulture, $"hard labels, learning rate {evaluation.LearningRate:G4}");

    private static string Cell(IReadOnlyList<EvaluationResult> results, string architecture) =>
        results.FirstOrDefault(r => r.Architecture == architecture) is { } result ? SetEvaluationReports.Percent(result) : "—";

    private static JsonNode Json(BenchmarkRow row) => new JsonObject
    {
        ["method"] = row.Method,
        ["ipc"] = row.ImagesPerClass,
        ["set"] = row.Distillation.Set.Name,
        ["distill_seconds"] = row.Distillation.Seconds,
        ["resumed"] = row.Distillation.Resumed,
        ["results"] = SetEvaluationReports.ToJson(row.Results),
        ["hard_labels"] = SetEvaluationReports.ToJson(row.HardLabels),
        ["baseline"] = SetEvaluationReports.ToJson(row.Baseline),
        ["budget"] = row.Budget is { } budget ? SetEvaluationReports.ToJson(budget) : null,
    };
}
