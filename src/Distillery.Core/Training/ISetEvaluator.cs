using Distillery.Data;
using Distillery.Progress;

namespace Distillery.Training;

/// <summary>
/// The reference evaluation of a training set: <see cref="EvaluationOptions.Networks"/> freshly initialised networks
/// of one architecture, each trained on the set (its soft labels and learned learning rate included) and tested on
/// the dataset's test split.
/// </summary>
public interface ISetEvaluator
{
    Task<EvaluationResult> EvaluateAsync(
        TrainingSet trainSet,
        DatasetSplits dataset,
        string architecture,
        EvaluationOptions options,
        long seed,
        IProgressReporter progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// As the evaluation without observers, watching the training of every network <c>i</c> (zero-based, as in the
    /// seeds "network #i") with <c><paramref name="observers"/>(i)</c>, when it returns one. Its
    /// <see cref="TrainingEpoch.Accuracy"/> tests on the dataset's test split; a network whose observer stops it
    /// early is tested as it is then.
    /// </summary>
    Task<EvaluationResult> EvaluateAsync(
        TrainingSet trainSet,
        DatasetSplits dataset,
        string architecture,
        EvaluationOptions options,
        long seed,
        IProgressReporter progress,
        Func<int, IEpochObserver?>? observers,
        CancellationToken cancellationToken);
}
