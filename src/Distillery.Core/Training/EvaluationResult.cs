namespace Distillery.Training;

/// <summary>Test accuracy (fractions in [0, 1]) of several networks trained on one set.</summary>
public sealed record EvaluationResult(string Architecture, IReadOnlyList<double> Accuracies, double Seconds)
{
    public double Mean => Accuracies.Count == 0 ? double.NaN : Accuracies.Average();

    /// <summary>Population standard deviation, as numpy's default reports it in the reference code.</summary>
    public double Std
    {
        get
        {
            if (Accuracies.Count == 0)
            {
                return double.NaN;
            }

            var mean = Mean;
            return Math.Sqrt(Accuracies.Sum(a => (a - mean) * (a - mean)) / Accuracies.Count);
        }
    }
}
