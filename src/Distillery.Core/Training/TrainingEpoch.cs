namespace Distillery.Training;

/// <summary>
/// A finished training epoch, as an <see cref="IEpochObserver"/> sees it: its number, the mean training loss over
/// its batches and the learning rate the optimizer used. The observer may measure the test accuracy at this point and
/// may stop the training after this epoch. Valid during the observer's call only.
/// </summary>
public sealed class TrainingEpoch
{
    private readonly Func<double>? _accuracy;
    private double? _measured;

    public TrainingEpoch(int epoch, int epochs, double loss, double learningRate, Func<double>? accuracy)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epoch);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, epoch);
        Epoch = epoch;
        Epochs = epochs;
        Loss = loss;
        LearningRate = learningRate;
        _accuracy = accuracy;
    }

    /// <summary>The epoch just finished, counted from 1: after the first epoch it is 1, after the last <see cref="Epochs"/>.</summary>
    public int Epoch { get; }

    /// <summary>How many epochs the training was set to run.</summary>
    public int Epochs { get; }

    /// <summary>The mean training loss over the epoch's images (weighted by batch size).</summary>
    public double Loss { get; }

    /// <summary>The learning rate the optimizer used in this epoch.</summary>
    public double LearningRate { get; }

    /// <summary>Whether <see cref="Accuracy"/> can be asked: the trainer was given a test split.</summary>
    public bool CanMeasureAccuracy => _accuracy is not null && !Closed;

    /// <summary>Whether the observer asked to stop; the trainer then runs no further epoch.</summary>
    public bool StopRequested { get; private set; }

    internal bool Closed { get; set; }

    /// <summary>
    /// Top-1 accuracy in [0, 1] of the network as it is after this epoch on the test split, in eval mode. The test
    /// pass runs on the first call only; the network goes back to training mode after it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trainer has no test split, or the observer's call has ended.</exception>
    public double Accuracy()
    {
        if (Closed)
        {
            throw new InvalidOperationException($"Epoch {Epoch} is over: ask for accuracy while the observer is being called.");
        }

        if (_accuracy is null)
        {
            throw new InvalidOperationException("This training has no test split to measure accuracy on; give one with the observer.");
        }

        _measured ??= _accuracy();
        return _measured.Value;
    }

    /// <summary>Ends the training after this epoch.</summary>
    public void Stop() => StopRequested = true;
}
