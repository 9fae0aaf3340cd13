using Distillery.Data;

namespace Distillery.Training;

/// <summary>
/// Who watches a training's epochs (<see cref="Observer"/>), and the split that <see cref="TrainingEpoch.Accuracy"/>
/// tests on (none: the observer cannot ask for accuracy), in batches of <see cref="TestBatchSize"/>.
/// </summary>
public sealed record EpochWatch(IEpochObserver Observer, LabeledImages? Test = null, int TestBatchSize = 1024);
