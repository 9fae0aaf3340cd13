using Distillery.Networks;
using Distillery.Progress;
using Distillery.Tests.Kit;
using Distillery.Training;
using TorchSharp;
using static Distillery.Tests.Training.TrainingSetFixtures;
using static TorchSharp.torch;

namespace Distillery.Tests.Training;

[Collection(GlobalTorchRandomCollection.Name)]
public sealed class EpochObserverTests
{
    [Fact]
    public void AnObserverThatStopsAtEpochThreeIsCalledThreeTimesAndTrainingRunsThreeEpochs()
    {
        // 30 images in batches of 8: four training steps per epoch.
        using var data = SeparableProblem.Create(trainCount: 30);
        using var train = TrainingSet.Of(data.Train);
        using var network = new CountingNetwork();
        var progress = new RecordedTask("training", 10);
        var calls = new List<int>();

        new NetworkTrainer().Train(
            network, train, new TrainingOptions { Epochs = 10, BatchSize = 8, LearningRate = 0.05 }, seed: 1, progress,
            new EpochWatch(new EpochObserver(epoch =>
            {
                calls.Add(epoch.Epoch);
                if (epoch.Epoch == 3)
                {
                    epoch.Stop();
                }
            })),
            CancellationToken.None);

        calls.Should().Equal(1, 2, 3);
        network.TrainingForwards.Should().Be(3 * 4);
        progress.Descriptions.Should().HaveCount(3);
        progress.Done.Should().Be(10, "the bar ends full, past the epochs that were skipped");
    }

    [Fact]
    public void AnObserverSeesEveryEpochWithItsLossAndPlannedCount()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var train = TrainingSet.Of(data.Train);
        using var network = SeededNetwork(seed: 3);
        var seen = new List<(int Epoch, int Epochs, double Loss)>();

        new NetworkTrainer().Train(
            network, train, new TrainingOptions { Epochs = 5, BatchSize = 8, LearningRate = 0.05 }, seed: 1, progress: null,
            new EpochWatch(new EpochObserver(epoch => seen.Add((epoch.Epoch, epoch.Epochs, epoch.Loss)))), CancellationToken.None);

        seen.Select(s => s.Epoch).Should().Equal(1, 2, 3, 4, 5);
        seen.Should().OnlyContain(s => s.Epochs == 5 && double.IsFinite(s.Loss) && s.Loss > 0);
        seen[^1].Loss.Should().BeLessThan(seen[0].Loss);
    }

    [Fact]
    public void AccuracyAskedByTheObserverIsTheTrainersAccuracyOnTheTestSplitAtThatPoint()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        using var network = SeededNetwork(seed: 5);
        var trainer = new NetworkTrainer();
        var asked = new List<(double Observed, double Direct, bool Training)>();
        TrainingEpoch? kept = null;

        trainer.Train(
            network, train, new TrainingOptions { Epochs = 3, BatchSize = 64, LearningRate = 0.05 }, seed: 1, progress: null,
            new EpochWatch(new EpochObserver(epoch =>
            {
                kept = epoch;
                epoch.CanMeasureAccuracy.Should().BeTrue();
                var observed = epoch.Accuracy();
                asked.Add((observed, trainer.Accuracy(network, data.Test, batchSize: 7), network.training));
                epoch.Accuracy().Should().Be(observed);
            }), data.Test, TestBatchSize: 32),
            CancellationToken.None);

        asked.Should().HaveCount(3);
        asked.Should().OnlyContain(a => a.Observed >= 0 && a.Observed <= 1 && a.Observed == a.Direct && a.Training);
        kept!.CanMeasureAccuracy.Should().BeFalse();
        FluentActions.Invoking(() => kept.Accuracy()).Should().Throw<InvalidOperationException>().WithMessage("*over*");
    }

    [Fact]
    public void TheTestPassRunsOnlyWhenAsked()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var train = TrainingSet.Of(data.Train);
        using var network = new CountingNetwork();

        new NetworkTrainer().Train(
            network, train, new TrainingOptions { Epochs = 4, BatchSize = 8, LearningRate = 0.05 }, seed: 1, progress: null,
            new EpochWatch(new EpochObserver(epoch =>
            {
                if (epoch.Epoch == 2)
                {
                    epoch.Accuracy();
                }
            }), data.Test),
            CancellationToken.None);

        network.EvalForwards.Should().Be(1, "one test pass of 150 images in one batch, at epoch 2 only");
    }

    [Fact]
    public void WithoutATestSplitAskingForAccuracySaysWhy()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var train = TrainingSet.Of(data.Train);
        using var network = SeededNetwork(seed: 5);
        Exception? error = null;

        new NetworkTrainer().Train(
            network, train, new TrainingOptions { Epochs = 1, BatchSize = 8, LearningRate = 0.05 }, seed: 1, progress: null,
            new EpochWatch(new EpochObserver(epoch => error = Record.Exception(() => epoch.Accuracy()))), CancellationToken.None);

        error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("no test split");
    }

    [Fact]
    public async Task TheEvaluatorWatchesEachNetworkWithItsOwnObserverAndTestsAStoppedOneAsItIs()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = 3, Epochs = 5, BatchSize = 64, LearningRate = 0.05 };
        var calls = new Dictionary<int, List<int>>();
        var lastAccuracy = new Dictionary<int, double>();
        var progress = new RecordingProgress();

        var result = await evaluator.EvaluateAsync(
            train, data, "tiny", options, seed: 3, progress,
            network => network == 2 ? null : new EpochObserver(epoch =>
            {
                calls.TryAdd(network, []);
                calls[network].Add(epoch.Epoch);
                lastAccuracy[network] = epoch.Accuracy();
                if (network == 1 && epoch.Epoch == 2)
                {
                    epoch.Stop();
                }
            }),
            CancellationToken.None);

        calls.Keys.Should().BeEquivalentTo([0, 1]);
        calls[0].Should().Equal(1, 2, 3, 4, 5);
        calls[1].Should().Equal(1, 2);
        result.Accuracies[0].Should().Be(lastAccuracy[0]);
        result.Accuracies[1].Should().Be(lastAccuracy[1], "the network stopped after epoch 2 is tested as it was then");
        progress.Advanced.Should().Be(15);
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameNumbersWithAnObserverAsWithout()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = 2, Epochs = 4, BatchSize = 64, LearningRate = 0.05 };

        var plain = await evaluator.EvaluateAsync(train, data, "tiny", options, seed: 3, NullProgressReporter.Instance, CancellationToken.None);
        var watched = await evaluator.EvaluateAsync(
            train, data, "tiny", options, seed: 3, NullProgressReporter.Instance, _ => new EpochObserver(epoch => epoch.Accuracy()), CancellationToken.None);

        watched.Accuracies.Should().Equal(plain.Accuracies);
    }

    /// <summary>A linear classifier that counts its forward passes in training and in eval mode.</summary>
    private sealed class CountingNetwork : Network
    {
        private readonly TorchSharp.Modules.Linear _classifier;

        public CountingNetwork()
            : base(nameof(CountingNetwork))
        {
            _classifier = nn.Linear(Inputs, SeparableProblem.Classes);
            RegisterComponents();
        }

        public int TrainingForwards { get; private set; }

        public int EvalForwards { get; private set; }

        public override int EmbeddingSize => Inputs;

        public override Tensor Embed(Tensor input) => input.flatten(1);

        public override Tensor Classify(Tensor embedding)
        {
            if (training)
            {
                TrainingForwards++;
            }
            else
            {
                EvalForwards++;
            }

            return _classifier.forward(embedding);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _classifier.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
