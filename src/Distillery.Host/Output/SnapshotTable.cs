using System.Globalization;
using Distillery.Runs;
using Distillery.Scenarios;

namespace Distillery.Host.Output;

/// <summary>The snapshots of a run as a table: accuracy against distillation time.</summary>
public static class SnapshotTable
{
    public static ReportTable From(IReadOnlyList<SnapshotResult> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var rows = snapshots.Select(s => (IReadOnlyList<string>)
        [
            s.Iteration.ToString(CultureInfo.InvariantCulture),
            s.DistillSeconds.ToString("F0", CultureInfo.InvariantCulture),
            s.DistillProcessorSeconds.ToString("F0", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{100 * s.Evaluation.Mean:F2} ± {100 * s.Evaluation.Std:F2}"),
            $"{s.Evaluation.Accuracies.Count} × {s.Evaluation.Architecture}",
            s.Png,
        ]).ToList();
        return new ReportTable("Snapshots", ["iteration", "distill s", "processor s", "accuracy %", "networks", "picture"], rows);
    }
}
