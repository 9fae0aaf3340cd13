using Distillery.Data;
using Distillery.Progress;

namespace Distillery.Training;

/// <summary>
/// The reference evaluation of a training set: <see cref="EvaluationOptions.Networks"/> freshly initialised networks
/// of one architecture, each trained on the set and tested on the dataset's test split.
/// </summary>
public interface ISetEvaluator
{
    Task<EvaluationResult> EvaluateAsync(
        LabeledImages trainSet,
        DatasetSplits dataset,
        string architecture,
        EvaluationOptions options,
        long seed,
        IProgressReporter progress,
        CancellationToken cancellationToken);
}
