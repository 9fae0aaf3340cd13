using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Text;

namespace Distillery.Scenarios.Continual;

/// <summary>The continual run's tables and JSON document.</summary>
internal static class ContinualReport
{
    public static RunReport Create(
        ContinualOptions settings,
        ContinualPlan plan,
        IReadOnlyList<IncrementalSplit> splits,
        IReadOnlyList<TrackSummary> summaries,
        IReadOnlyList<MemoryOutcome> memory,
        IReadOnlyList<string> files)
    {
        var title = $"Continual ({settings.Setting}) on {plan.Dataset}: {Counted.Of(plan.Steps, "step")} of {Counted.Of(plan.NumClasses / plan.Steps, "class", "classes")}, " +
                    $"{Counted.Of(plan.MemoryPerClass, "memory image")} per class, {splits.Count} class order(s), {plan.Architecture}; mean ± std over orders";
        var tables = new List<ReportTable> { Summary(plan, summaries) };
        tables.AddRange(summaries.Select(s => MatrixTable(s, settings.Setting)));
        if (memory.Count > 0)
        {
            tables.Add(new ReportTable(
                "Memory buffers",
                ["method", "order", "buffer", "steps made", "steps loaded", "time"],
                memory.Select(m => (IReadOnlyList<string>)
                    [m.Method, $"{m.Order}", m.Buffer, $"{m.StepsMade}", $"{m.StepsLoaded}", Invariant($"{m.Seconds:F1} s")]).ToList()));
        }

        var data = new JsonObject
        {
            ["scenario"] = "continual",
            ["dataset"] = plan.Dataset,
            ["setting"] = settings.Setting,
            ["steps"] = plan.Steps,
            ["memory_per_class"] = plan.MemoryPerClass,
            ["architecture"] = plan.Architecture,
            ["epochs"] = settings.Epochs,
            ["real_data_epochs"] = settings.RealDataEpochs,
            ["seed"] = plan.Seed,
            ["class_orders"] = new JsonArray(splits.Select(s => (JsonNode)Matrix(s.Steps.Select(step => step.Select(c => (double)c).ToList()).ToList())).ToArray()),
            ["results"] = new JsonArray(summaries.Select(Json).ToArray()),
            ["memory"] = new JsonArray(memory.Select(m => (JsonNode)new JsonObject
            {
                ["method"] = m.Method,
                ["order"] = m.Order,
                ["buffer"] = m.Buffer,
                ["steps_made"] = m.StepsMade,
                ["steps_loaded"] = m.StepsLoaded,
                ["seconds"] = m.Seconds,
            }).ToArray()),
            ["files"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()),
        };
        return new RunReport(title, tables, data, files);
    }

    private static ReportTable Summary(ContinualPlan plan, IReadOnlyList<TrackSummary> summaries)
    {
        var columns = new List<string> { "learner", "memory" };
        columns.AddRange(Enumerable.Range(1, plan.Steps).Select(t => $"avg acc after {t} %"));
        columns.AddRange(["forgetting %", "BWT %", "task-IL final %"]);
        var rows = summaries.Select(s => (IReadOnlyList<string>)
            [
                s.Learner,
                s.MemoryMethod ?? "—",
                .. Enumerable.Range(0, plan.Steps).Select(t => Percent(s.Metrics.Select(m => m.AverageAccuracy[t]))),
                Percent(s.Metrics.Select(m => m.Forgetting)),
                Percent(s.Metrics.Select(m => m.BackwardTransfer)),
                Percent(s.TaskMetrics.Select(m => m.FinalAverageAccuracy)),
            ]).ToList();
        return new ReportTable("Average accuracy after each step, forgetting, backward transfer", columns, rows);
    }

    private static ReportTable MatrixTable(TrackSummary summary, string setting)
    {
        var steps = summary.Matrix.Count;
        var columns = new List<string> { "after step" };
        columns.AddRange(Enumerable.Range(1, steps).Select(j => $"step {j} %"));
        var rows = Enumerable.Range(0, steps).Select(t => (IReadOnlyList<string>)
            [
                $"{t + 1}",
                .. Enumerable.Range(0, steps).Select(j => j <= t ? Invariant($"{summary.Matrix[t][j] * 100:F1}") : ""),
            ]).ToList();
        return new ReportTable($"{summary.Label}: {setting} accuracy matrix (mean over orders)", columns, rows);
    }

    private static JsonNode Json(TrackSummary summary)
    {
        return new JsonObject
        {
            ["learner"] = summary.Learner,
            ["memory_method"] = summary.MemoryMethod,
            ["accuracy_matrix"] = Matrix(summary.Matrix),
            ["average_accuracy"] = Numbers(Enumerable.Range(0, summary.Matrix.Count).Select(t => summary.Metrics.Average(m => m.AverageAccuracy[t]))),
            ["average_accuracy_std"] = Numbers(Enumerable.Range(0, summary.Matrix.Count).Select(t => TrackSummary.Spread(summary.Metrics.Select(m => m.AverageAccuracy[t])).Std)),
            ["final_average_accuracy"] = summary.Metrics.Average(m => m.FinalAverageAccuracy),
            ["forgetting"] = summary.Metrics.Average(m => m.Forgetting),
            ["backward_transfer"] = summary.Metrics.Average(m => m.BackwardTransfer),
            ["task_incremental"] = new JsonObject
            {
                ["accuracy_matrix"] = Matrix(summary.TaskMatrix),
                ["average_accuracy"] = Numbers(Enumerable.Range(0, summary.TaskMatrix.Count).Select(t => summary.TaskMetrics.Average(m => m.AverageAccuracy[t]))),
                ["forgetting"] = summary.TaskMetrics.Average(m => m.Forgetting),
                ["backward_transfer"] = summary.TaskMetrics.Average(m => m.BackwardTransfer),
            },
            ["orders"] = new JsonArray(summary.Orders.Select((r, i) => (JsonNode)new JsonObject
            {
                ["order"] = r.Spec.Split.Order,
                ["accuracy_matrix"] = Matrix(summary.OrderMatrices[i]),
                ["average_accuracy"] = Numbers(summary.Metrics[i].AverageAccuracy),
                ["forgetting"] = summary.Metrics[i].Forgetting,
                ["backward_transfer"] = summary.Metrics[i].BackwardTransfer,
                ["resumed_from_step"] = r.ResumedFromStep,
                ["seconds"] = r.Seconds,
            }).ToArray()),
        };
    }

    private static JsonArray Matrix(IReadOnlyList<IReadOnlyList<double>> matrix) =>
        new(matrix.Select(row => (JsonNode)Numbers(row)).ToArray());

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string Percent(IEnumerable<double> values)
    {
        var (mean, std) = TrackSummary.Spread(values);
        return Invariant($"{mean * 100:F2} ± {std * 100:F2}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
