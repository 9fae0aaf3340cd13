namespace Distillery.Training;

/// <summary>
/// Watches a training at the end of every epoch: it reads the epoch's loss and learning rate, may ask for the test
/// accuracy at that point (<see cref="TrainingEpoch.Accuracy"/>) and may end the training
/// (<see cref="TrainingEpoch.Stop"/>), as multi-fidelity search and early-stopping baselines need.
/// </summary>
public interface IEpochObserver
{
    /// <summary>
    /// Called on the training thread after every epoch, before the next one starts. <paramref name="epoch"/> is
    /// valid during the call only.
    /// </summary>
    void EpochEnded(TrainingEpoch epoch);
}
