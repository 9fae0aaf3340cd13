using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Distillery.Training;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// How an evaluator that trains scores a candidate: the optimizer settings of <see cref="TrainingOptions"/> (the
/// reference protocol by default), the epochs, and how many networks with seeds derived from the search's seed
/// (the score is their mean test accuracy).
/// </summary>
internal class TrainedScoreOptions : TrainingOptions
{
    [Description("Networks trained per candidate, each from its own seed; the score is their mean test accuracy.")]
    [Range(1, 100)]
    public int Networks { get; set; } = 1;

    [Description("Score on this many training images drawn from the search's seed, the same for every candidate, instead of the whole test split (0). A proxy scored on the test split costs a full test pass per candidate and looks at test data.")]
    [Range(0, 1_000_000)]
    public int ValidationImages { get; set; }

    [Description("Batch size of the test pass (no effect on the score).")]
    [Range(1, 65_536)]
    public int TestBatchSize { get; set; } = 256;

    public EvaluationOptions ToEvaluation() => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Momentum = Momentum,
        WeightDecay = WeightDecay,
        Augmentation = Augmentation,
        Networks = Networks,
        TestBatchSize = TestBatchSize,
    };
}
