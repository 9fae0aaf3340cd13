using System.Globalization;
using System.Text.Json.Nodes;
using Distillery.Scenarios;
using Distillery.Storage;
using Distillery.Text;
using Distillery.Training;

namespace Distillery.Runs;

/// <summary>Renders a <see cref="SetEvaluationReport"/> as a console table and as JSON.</summary>
public static class SetEvaluationReports
{
    public static JsonObject ToJson(SetEvaluationReport report) => new()
    {
        ["set"] = report.SetName,
        ["method"] = report.Method,
        ["dataset"] = report.Dataset,
        ["ipc"] = report.ImagesPerClass,
        ["epochs"] = report.Options.Epochs,
        ["networks"] = report.Options.Networks,
        ["augmentation"] = report.Options.Augmentation,
        ["results"] = ToJson(report.Results),
        ["hard_labels"] = ToJson(report.HardLabels),
        ["baseline"] = ToJson(report.Baseline),
        ["budget"] = report.Budget is { } budget ? ToJson(budget) : null,
    };

    /// <summary>
    /// <c>{ numbers, stored_images, numbers_per_image, soft_label_numbers, learned_learning_rate, factor, training_images }</c>:
    /// what the set stores, counted in numbers (see <see cref="SetBudget"/>).
    /// </summary>
    public static JsonObject ToJson(SetBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new JsonObject
        {
            ["numbers"] = budget.Numbers,
            ["stored_images"] = budget.StoredImages,
            ["numbers_per_image"] = budget.NumbersPerImage,
            ["soft_label_numbers"] = budget.SoftLabelNumbers,
            ["learned_learning_rate"] = budget.LearnedLearningRate,
            ["factor"] = budget.Factor,
            ["training_images"] = budget.TrainingImages,
        };
    }

    public static ReportTable ToTable(SetEvaluationReport report)
    {
        var set = report.Results.ToDictionary(r => r.Architecture, StringComparer.Ordinal);
        var hard = report.HardLabels.ToDictionary(r => r.Architecture, StringComparer.Ordinal);
        var baseline = report.Baseline.ToDictionary(r => r.Architecture, StringComparer.Ordinal);
        var withHard = hard.Count > 0;
        var rows = report.Results.Concat(report.Baseline)
            .Select(result => result.Architecture)
            .Distinct(StringComparer.Ordinal)
            .Select(architecture =>
            {
                set.TryGetValue(architecture, out var trained);
                hard.TryGetValue(architecture, out var hardOnly);
                baseline.TryGetValue(architecture, out var random);
                var cells = new List<string> { architecture, trained is null ? "—" : Percent(trained) };
                if (withHard)
                {
                    cells.Add(hardOnly is null ? "—" : Percent(hardOnly));
                }

                cells.Add(random is null ? "—" : Percent(random));
                cells.Add($"{(trained ?? random)!.Accuracies.Count}");
                cells.Add($"{(trained?.Seconds ?? 0) + (hardOnly?.Seconds ?? 0) + (random?.Seconds ?? 0):F0} s");
                return (IReadOnlyList<string>)cells;
            })
            .ToArray();
        var learned = report.Results.Select(result => result.LearnedTraining).FirstOrDefault(text => text is not null);
        IReadOnlyList<string> columns = withHard
            ? ["architecture", "test accuracy %", "hard labels %", "random subset %", "networks", "time"]
            : ["architecture", "test accuracy %", "random subset %", "networks", "time"];
        return new ReportTable(
            $"{report.SetName}: {report.Method} on {report.Dataset}, {Counted.ImagesPerClass(report.ImagesPerClass)} " +
            $"({Counted.Of(report.Options.Epochs, "epoch")}, augmentation {report.Options.Augmentation}" +
            (learned is null ? ")" : $"; the set trained with {learned}, the random subset with hard labels at learning rate {Rate(report.Options.LearningRate)})") +
            (withHard ? "; hard labels: the same images, seeds and learning rate without the soft labels" : string.Empty) +
            (report.Budget is { } budget ? $"; stored: {budget}" : string.Empty),
            columns,
            rows);
    }

    /// <summary>Mean ± std as percentages, e.g. <c>71.23 ± 0.41</c>.</summary>
    public static string Percent(EvaluationResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * result.Mean:F2} ± {100 * result.Std:F2}");

    /// <summary>
    /// Each result as <c>{ arch, mean, std, runs, seconds, learning_rate, learning_rate_from_set, soft_labels }</c>:
    /// the learning rate the networks started from, whether the set learned it, and whether they trained on the set's
    /// soft labels.
    /// </summary>
    public static JsonArray ToJson(IEnumerable<EvaluationResult> results) =>
        new(results.Select(r => (JsonNode)new JsonObject
        {
            ["arch"] = r.Architecture,
            ["mean"] = r.Mean,
            ["std"] = r.Std,
            ["runs"] = new JsonArray(r.Accuracies.Select(a => (JsonNode)a).ToArray()),
            ["seconds"] = r.Seconds,
            ["learning_rate"] = r.LearningRate,
            ["learning_rate_from_set"] = r.LearningRateFromSet,
            ["soft_labels"] = r.SoftLabels,
        }).ToArray());

    private static string Rate(double rate) => rate.ToString("G4", CultureInfo.InvariantCulture);
}
