using Distillery.Nas.Evaluators;
using Distillery.Nas.Scores;
using Distillery.Runs;

namespace Distillery.Tests.Nas;

/// <summary>
/// The committed ground-truth table (experiments/results/nas/nas.db) is keyed by the hash of the <c>full</c>
/// evaluator's options. A setting added to those options, or to the training options they extend, changes the hash,
/// and every stored ground truth (hours of CPU each) stops being reused. Such a change must be deliberate.
/// </summary>
public sealed class GroundTruthProtocolTests
{
    [Fact]
    public void TheDefaultGroundTruthProtocolIsTheOneTheCommittedTableWasMadeUnder()
    {
        var json = OptionsJson.Serialize(new FullOptions());

        json.Should().Be(
            """{"Networks":1,"ValidationImages":0,"TestBatchSize":256,"Epochs":3,"BatchSize":256,"LearningRate":0.01,"Momentum":0.9,"WeightDecay":0.0005,"Augmentation":"none"}""");
        ScoreKey.ProtocolOf(json).Should().Be("bca450e5f1bd");
    }
}
