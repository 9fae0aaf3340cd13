using Distillery.Tests.Kit;
using Distillery.Training;
using TorchSharp;

namespace Distillery.Tests.Training;

public sealed class NetworkTrainerTests
{
    private static readonly int Inputs = SeparableProblem.Side * SeparableProblem.Side;

    [Fact]
    public void LearnsASeparableProblem()
    {
        using var data = SeparableProblem.Create();
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using var train = TrainingSet.Of(data.Train);
        var trainer = new NetworkTrainer();
        var before = trainer.Accuracy(network, data.Test);

        trainer.Train(network, train, Options(epochs: 20), seed: 1, progress: null, CancellationToken.None);

        var after = trainer.Accuracy(network, data.Test);
        after.Should().BeGreaterThanOrEqualTo(0.97, $"accuracy after training {after:P1} (before {before:P1})");
        after.Should().BeGreaterThan(before);
    }

    [Fact]
    public void SameSeedGivesIdenticalWeightsAndAccuracy()
    {
        using var data = SeparableProblem.Create();
        var trainer = new NetworkTrainer();
        var options = Options(epochs: 6, augmentation: "color_crop_cutout_flip_scale_rotate");

        var (firstWeights, firstAccuracy) = TrainCopyOf(InitialWeights(), data, options, seed: 5, trainer);
        var (secondWeights, secondAccuracy) = TrainCopyOf(InitialWeights(), data, options, seed: 5, trainer);
        var (otherWeights, _) = TrainCopyOf(InitialWeights(), data, options, seed: 6, trainer);

        secondAccuracy.Should().Be(firstAccuracy);
        secondWeights.Should().Equal(firstWeights);
        otherWeights.Should().NotEqual(firstWeights);
    }

    [Fact]
    public void LearningRateDropsTenfoldAtHalfTheEpochs()
    {
        using var data = SeparableProblem.Create();
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using var train = TrainingSet.Of(data.Train);
        var epochs = new List<(int Epoch, double LearningRate, double Loss)>();
        var watch = new EpochWatch(new EpochObserver(e => epochs.Add((e.Epoch, e.LearningRate, e.Loss))));

        new NetworkTrainer().Train(network, train, Options(epochs: 6), seed: 1, progress: null, watch, CancellationToken.None);

        epochs.Select(e => e.Epoch).Should().Equal([1, 2, 3, 4, 5, 6]);
        epochs.Select(e => Math.Round(e.LearningRate, 6)).Should().Equal([0.05, 0.05, 0.05, 0.005, 0.005, 0.005]);
        epochs.Should().AllSatisfy(e => double.IsFinite(e.Loss).Should().BeTrue()).And.AllSatisfy(e => e.Loss.Should().BeGreaterThan(0));
        epochs[^1].Loss.Should().BeLessThan(epochs[0].Loss);
    }

    [Theory]
    [InlineData(300, 150)]
    [InlineData(1000, 500)]
    [InlineData(7, 3)]
    [InlineData(1, 1)]
    public void ScheduleDecaysAtHalf(int epochs, int decayEpoch)
    {
        var options = new TrainingOptions { Epochs = epochs, LearningRate = 0.01 };

        LearningRateSchedule.DecayEpoch(epochs).Should().Be(decayEpoch);
        LearningRateSchedule.At(decayEpoch - 1, options).Should().Be(0.01);
        LearningRateSchedule.At(decayEpoch, options).Should().BeApproximately(0.001, 5e-13);
    }

    [Fact]
    public void AdvancesProgressOncePerEpoch()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using var train = TrainingSet.Of(data.Train);
        var progress = new RecordedTask("training", 4);

        new NetworkTrainer().Train(network, train, Options(epochs: 4, batchSize: 8), seed: 1, progress, CancellationToken.None);

        progress.Done.Should().Be(4);
    }

    [Fact]
    public void StopsWhenCancelled()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using var train = TrainingSet.Of(data.Train);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        FluentActions.Invoking(() =>
            new NetworkTrainer().Train(network, train, Options(epochs: 4), seed: 1, progress: null, cancelled.Token)).Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void UnknownAugmentationIsAUserError()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using var train = TrainingSet.Of(data.Train);

        var error = FluentActions.Invoking(() =>
            new NetworkTrainer().Train(network, train, Options(epochs: 1, augmentation: "crop_blur"), seed: 1, progress: null, CancellationToken.None)).Should().ThrowExactly<UserErrorException>().Which;
        error.Message.Should().Contain("blur");
    }

    [Fact]
    public void AccuracyDoesNotDependOnBatchSizeAndRestoresTrainingMode()
    {
        using var data = SeparableProblem.Create();
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        var trainer = new NetworkTrainer();
        network.train();

        var whole = trainer.Accuracy(network, data.Test);
        var batched = trainer.Accuracy(network, data.Test, batchSize: 7);

        batched.Should().Be(whole);
        network.training.Should().BeTrue();
        using var predictions = network.forward(data.Test.Images).argmax(1);
        using var correct = predictions.eq(data.Test.Labels).sum();
        whole.Should().Be(correct.item<long>() / (double)data.Test.Count);
    }

    private static TrainingOptions Options(int epochs, int batchSize = 64, string augmentation = "none") => new()
    {
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = 0.05,
        Augmentation = augmentation,
    };

    private static float[] InitialWeights()
    {
        using var generator = new torch.Generator(11);
        using var weights = torch.randn([(SeparableProblem.Classes * Inputs) + SeparableProblem.Classes], generator: generator) * 0.1;
        return weights.data<float>().ToArray();
    }

    // Loads the given flat weights into a fresh network (independent of torch's global generator), trains it and
    // returns the trained flat weights and test accuracy.
    private static (float[] Weights, double Accuracy) TrainCopyOf(float[] initial, Data.DatasetSplits data, TrainingOptions options, long seed, NetworkTrainer trainer)
    {
        using var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using (torch.no_grad())
        {
            using var flat = torch.tensor(initial);
            long offset = 0;
            foreach (var parameter in network.parameters())
            {
                using var slice = flat.narrow(0, offset, parameter.numel()).view(parameter.shape);
                parameter.copy_(slice);
                offset += parameter.numel();
            }
        }

        using var train = TrainingSet.Of(data.Train);
        trainer.Train(network, train, options, seed, progress: null, CancellationToken.None);
        var weights = network.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray()).ToArray();
        return (weights, trainer.Accuracy(network, data.Test));
    }
}
