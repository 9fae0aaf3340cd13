namespace Distillery.Training;

/// <summary>
/// The reference step schedule: the base learning rate for the first half of the epochs, a tenth of it from epoch
/// <c>epochs / 2</c> (zero-based) on. A single-epoch run keeps the base rate. The base rate is the configured one, or
/// the one a training set learned (<see cref="TrainingSet.LearningRate"/>).
/// </summary>
public static class LearningRateSchedule
{
    public const double DecayFactor = 0.1;

    /// <summary>The zero-based epoch at which the rate drops.</summary>
    public static int DecayEpoch(int epochs) => Math.Max(1, epochs / 2);

    public static double At(int epoch, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return At(epoch, options.Epochs, options.LearningRate);
    }

    /// <summary>The rate in zero-based <paramref name="epoch"/> of <paramref name="epochs"/>, starting from <paramref name="baseRate"/>.</summary>
    public static double At(int epoch, int epochs, double baseRate) =>
        epoch >= DecayEpoch(epochs) ? baseRate * DecayFactor : baseRate;
}
