using Distillery.Data;
using Distillery.Networks;
using Distillery.Progress;

namespace Distillery.Training;

/// <summary>Trains one network on a set with the reference protocol and measures accuracy.</summary>
public interface INetworkTrainer
{
    /// <summary>
    /// Trains <paramref name="network"/> in place on <paramref name="train"/>: toward its soft labels when it has them,
    /// its hard labels otherwise, starting from its learned learning rate when it has one, the configured one
    /// otherwise. Batch order and augmentation draws come from <paramref name="seed"/>. Advances
    /// <paramref name="progress"/> by one per epoch.
    /// </summary>
    void Train(Network network, TrainingSet train, TrainingOptions options, long seed, IProgressTask? progress, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="Train(Network, TrainingSet, TrainingOptions, long, IProgressTask?, CancellationToken)"/>, calling
    /// <paramref name="watch"/>'s observer at the end of every epoch; the training ends early when it asks to stop
    /// (and <paramref name="progress"/> moves past the epochs left out).
    /// </summary>
    void Train(Network network, TrainingSet train, TrainingOptions options, long seed, IProgressTask? progress, EpochWatch? watch, CancellationToken cancellationToken);

    /// <summary>Top-1 accuracy in [0, 1] on <paramref name="test"/>, in eval mode.</summary>
    double Accuracy(Network network, LabeledImages test, int batchSize = 1024);
}
