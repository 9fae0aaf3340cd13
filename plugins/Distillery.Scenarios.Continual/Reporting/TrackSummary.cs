namespace Distillery.Scenarios.Continual;

/// <summary>
/// One learner with one memory method (or none) over every class order: per-order metrics, and their mean and
/// population standard deviation. <see cref="Matrix"/> is the setting's matrix (class- or task-incremental) averaged
/// over the orders; <see cref="TaskMatrix"/> is always the task-incremental one.
/// </summary>
internal sealed record TrackSummary(
    string Learner,
    string? MemoryMethod,
    IReadOnlyList<TrackResult> Orders,
    IReadOnlyList<ContinualMetrics> Metrics,
    IReadOnlyList<ContinualMetrics> TaskMetrics,
    IReadOnlyList<IReadOnlyList<double>> Matrix,
    IReadOnlyList<IReadOnlyList<double>> TaskMatrix,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> OrderMatrices)
{
    public string Label => MemoryMethod is null ? Learner : $"{Learner} + {MemoryMethod}";

    public static IReadOnlyList<TrackSummary> Group(IReadOnlyList<TrackResult> results, string setting)
    {
        ArgumentNullException.ThrowIfNull(results);
        var taskIncremental = setting == ContinualSettings.TaskIncremental;
        return results
            .GroupBy(r => (r.Spec.Learner, r.Spec.MemoryMethod))
            .Select(group =>
            {
                var orders = group.OrderBy(r => r.Spec.Split.Order).ToList();
                var primary = orders.Select(r => taskIncremental ? r.TaskIncremental : r.ClassIncremental).ToList();
                var task = orders.Select(r => r.TaskIncremental).ToList();
                return new TrackSummary(
                    group.Key.Learner,
                    group.Key.MemoryMethod,
                    orders,
                    primary.Select(ContinualMetrics.From).ToList(),
                    task.Select(ContinualMetrics.From).ToList(),
                    MeanMatrix(primary),
                    MeanMatrix(task),
                    primary);
            })
            .ToList();
    }

    /// <summary>Mean and population standard deviation of a figure over the orders.</summary>
    public static (double Mean, double Std) Spread(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return (mean, Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count));
    }

    private static IReadOnlyList<IReadOnlyList<double>> MeanMatrix(IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> matrices) =>
        Enumerable.Range(0, matrices[0].Count)
            .Select(t => (IReadOnlyList<double>)Enumerable.Range(0, t + 1).Select(j => matrices.Average(m => m[t][j])).ToArray())
            .ToList();
}
