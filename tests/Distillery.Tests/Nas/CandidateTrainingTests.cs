using Distillery.Data;
using Distillery.Nas.Evaluators;
using Distillery.Progress;
using Distillery.Search;
using Distillery.Training;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

public sealed class CandidateTrainingTests
{
    [Fact]
    public async Task ALossThatIsNoLongerANumberStopsTheTrainingAndFailsTheCandidate()
    {
        var trainer = new ScriptedEvaluator(losses: [2.1, double.NaN, 0.5, 0.4]);

        var score = await ScoreAsync(trainer, epochs: null);

        score.Failed.Should().BeTrue();
        score.Failure.Should().Contain("diverged").And.Contain("epoch 2");
        double.IsNaN(score.Value).Should().BeTrue();
        trainer.EpochsRun.Should().Be(2);
    }

    [Fact]
    public async Task AFidelityBelowTheProtocolStopsAfterThatManyEpochsOnTheProtocolsSchedule()
    {
        var trainer = new ScriptedEvaluator(losses: [2.1, 1.5, 1.0, 0.8]);

        var score = await ScoreAsync(trainer, epochs: 2);

        score.Failed.Should().BeFalse();
        trainer.EpochsRun.Should().Be(2);
        trainer.ScheduledEpochs.Should().Be(4);
        score.Details["epochs"].Should().Be(2);
    }

    [Fact]
    public async Task AFidelityAboveTheProtocolIsAUserError()
    {
        var act = () => ScoreAsync(new ScriptedEvaluator(losses: [1, 1, 1, 1]), epochs: 5);

        await act.Should().ThrowAsync<UserErrorException>().WithMessage("*5 epochs*1..4*");
    }

    private static async Task<CandidateScore> ScoreAsync(ScriptedEvaluator trainer, int? epochs)
    {
        var info = new DatasetInfo("tiny", 1, 2, 2, ["a", "b"], [0f], [1f]);
        using var data = new DatasetSplits(
            info,
            new LabeledImages(zeros(2, 1, 2, 2), tensor(new long[] { 0, 1 }), 2),
            new LabeledImages(zeros(2, 1, 2, 2), tensor(new long[] { 0, 1 }), 2));
        using var set = TrainingSet.Of(data.Train);
        var job = new CandidateJob(new Candidate("c", new Dictionary<string, string>()), "convnet", data, Seed: 3) { Epochs = epochs };
        return await new CandidateTraining(trainer).ScoreAsync(job, set, new FullOptions { Epochs = 4 }, CancellationToken.None);
    }

    /// <summary>Plays a loss per epoch to the observer, as the trainer would, until the observer stops it.</summary>
    private sealed class ScriptedEvaluator(double[] losses) : ISetEvaluator
    {
        public int EpochsRun { get; private set; }

        public int ScheduledEpochs { get; private set; }

        public Task<EvaluationResult> EvaluateAsync(TrainingSet trainSet, DatasetSplits dataset, string architecture, EvaluationOptions options, long seed, IProgressReporter progress, CancellationToken cancellationToken) =>
            EvaluateAsync(trainSet, dataset, architecture, options, seed, progress, null, cancellationToken);

        public Task<EvaluationResult> EvaluateAsync(TrainingSet trainSet, DatasetSplits dataset, string architecture, EvaluationOptions options, long seed, IProgressReporter progress, Func<int, IEpochObserver?>? observers, CancellationToken cancellationToken)
        {
            ScheduledEpochs = options.Epochs;
            var observer = observers!(0)!;
            for (var epoch = 1; epoch <= options.Epochs; epoch++)
            {
                EpochsRun = epoch;
                var finished = new TrainingEpoch(epoch, options.Epochs, losses[epoch - 1], options.LearningRate, accuracy: null);
                observer.EpochEnded(finished);
                if (finished.StopRequested)
                {
                    break;
                }
            }

            return Task.FromResult(new EvaluationResult(architecture, [0.5], 1.0));
        }
    }
}
