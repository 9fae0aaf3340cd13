namespace Distillery.Scenarios.Continual;

/// <summary>
/// The figures derived from an accuracy matrix <c>A</c> of <c>T</c> steps, where <c>A[t][j]</c> is the accuracy after
/// training step <c>t</c> on the test classes of step <c>j</c>, for <c>j ≤ t</c> (rows are ragged: row <c>t</c> has
/// <c>t + 1</c> entries). All accuracies are fractions in [0, 1].
/// </summary>
internal sealed record ContinualMetrics(
    IReadOnlyList<double> AverageAccuracy,
    double FinalAverageAccuracy,
    double Forgetting,
    double BackwardTransfer)
{
    public static ContinualMetrics From(IReadOnlyList<IReadOnlyList<double>> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var steps = matrix.Count;
        if (steps == 0)
        {
            throw new ArgumentException("The accuracy matrix is empty.", nameof(matrix));
        }

        for (var t = 0; t < steps; t++)
        {
            if (matrix[t].Count != t + 1)
            {
                throw new ArgumentException($"Row {t} of the accuracy matrix must have {t + 1} entries, not {matrix[t].Count}.", nameof(matrix));
            }
        }

        // Average accuracy after step t: a_t = (1 / (t + 1)) Σ_{j ≤ t} A[t][j].
        var average = matrix.Select(row => row.Average()).ToArray();
        var last = steps - 1;

        // Forgetting (Chaudhry et al. 2018): f_j = max_{j ≤ t < T-1} A[t][j] − A[T-1][j], the drop from the best
        // accuracy a step's classes ever had to their final accuracy; F = mean of f_j over j < T-1 (0 for one step).
        // Backward transfer (Lopez-Paz & Ranzato 2017): BWT = (1 / (T-1)) Σ_{j < T-1} (A[T-1][j] − A[j][j]); negative
        // when learning later steps hurt earlier ones.
        var forgetting = 0.0;
        var backward = 0.0;
        if (steps > 1)
        {
            for (var j = 0; j < last; j++)
            {
                var best = Enumerable.Range(j, last - j).Max(t => matrix[t][j]);
                forgetting += best - matrix[last][j];
                backward += matrix[last][j] - matrix[j][j];
            }

            forgetting /= last;
            backward /= last;
        }

        return new ContinualMetrics(average, average[last], forgetting, backward);
    }
}
