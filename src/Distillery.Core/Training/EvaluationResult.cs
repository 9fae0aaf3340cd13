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

    /// <summary>The learning rate the networks started from (a tenth of it from half the epochs on); null where not recorded.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Whether <see cref="LearningRate"/> is the one the set learned rather than the configured one.</summary>
    public bool LearningRateFromSet { get; init; }

    /// <summary>Whether the networks trained on the set's soft labels rather than its hard labels.</summary>
    public bool SoftLabels { get; init; }

    /// <summary>
    /// What the networks trained with, when the set brought it: e.g. <c>soft labels, the set's learning rate 0.0312</c>;
    /// null for hard labels at the configured rate.
    /// </summary>
    public string? LearnedTraining
    {
        get
        {
            var parts = new List<string>();
            if (SoftLabels)
            {
                parts.Add("soft labels");
            }

            if (LearningRateFromSet && LearningRate is { } rate)
            {
                parts.Add(FormattableString.Invariant($"the set's learning rate {rate:G4}"));
            }

            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }
}
