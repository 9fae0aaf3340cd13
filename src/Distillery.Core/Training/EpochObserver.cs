namespace Distillery.Training;

/// <summary>An <see cref="IEpochObserver"/> made from a delegate.</summary>
public sealed class EpochObserver(Action<TrainingEpoch> onEpochEnd) : IEpochObserver
{
    public void EpochEnded(TrainingEpoch epoch) => onEpochEnd(epoch);
}
