using System.Globalization;
using Distillery.Runs;
using Distillery.Scenarios;
using Distillery.Training;

namespace Distillery.Host.Output;

/// <summary>The snapshots of a run as a table: accuracy against distillation time.</summary>
public static class SnapshotTable
{
    public static ReportTable From(IReadOnlyList<SnapshotResult> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var hardLabels = snapshots.Any(s => s.HardLabels is not null);
        var rows = snapshots.Select(s => (IReadOnlyList<string>)
        [
            s.Iteration.ToString(CultureInfo.InvariantCulture),
            s.DistillSeconds.ToString("F0", CultureInfo.InvariantCulture),
            s.DistillProcessorSeconds.ToString("F0", CultureInfo.InvariantCulture),
            Accuracy(s.Evaluation),
            .. hardLabels ? new[] { s.HardLabels is { } hard ? Accuracy(hard) : "—" } : [],
            $"{s.Evaluation.Accuracies.Count} × {s.Evaluation.Architecture}",
            s.Png,
        ]).ToList();
        string[] columns = hardLabels
            ? ["iteration", "distill s", "processor s", "accuracy %", "hard labels %", "networks", "picture"]
            : ["iteration", "distill s", "processor s", "accuracy %", "networks", "picture"];
        return new ReportTable("Snapshots", columns, rows);
    }

    private static string Accuracy(EvaluationResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * result.Mean:F2} ± {100 * result.Std:F2}");
}
