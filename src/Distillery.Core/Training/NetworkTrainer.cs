using System.ComponentModel.DataAnnotations;
using Distillery.Augmentation;
using Distillery.Data;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Randomness;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Training;

/// <summary>
/// The reference training protocol: SGD with momentum and weight decay on shuffled mini-batches, cross-entropy (soft
/// cross-entropy for a set with soft labels), the learning rate divided by ten at half the epochs, and optional
/// differentiable augmentation drawn per image. Runs on the device that holds the network's parameters.
/// </summary>
public sealed class NetworkTrainer : INetworkTrainer
{
    public void Train(Network network, TrainingSet train, TrainingOptions options, long seed, IProgressTask? progress, CancellationToken cancellationToken) =>
        Train(network, train, options, seed, progress, watch: null, cancellationToken);

    public void Train(
        Network network,
        TrainingSet train,
        TrainingOptions options,
        long seed,
        IProgressTask? progress,
        EpochWatch? watch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(train));
        }

        var strategy = AugmentationStrategy.Parse(options.Augmentation);
        var device = DeviceOf(network);
        var count = train.Count;

        using var dataScope = torch.NewDisposeScope();
        var images = train.Images.detach().to(device);
        var labels = train.Labels.to(device);
        var softLabels = train.SoftLabels?.to(device);
        var baseRate = train.LearningRate ?? options.LearningRate;
        using var batchOrder = DeviceDraws.Generator(SeedSequence.Derive(seed, "batch order"), device);
        using var augmentation = DeviceDraws.Generator(SeedSequence.Derive(seed, "augmentation"), device);

        network.train();
        SGD? optimizer = null;
        try
        {
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                var learningRate = LearningRateSchedule.At(epoch, options.Epochs, baseRate);
                if (optimizer is null || optimizer.ParamGroups.First().LearningRate != learningRate)
                {
                    // A fresh optimizer at the decay, as the reference does: the momentum restarts with the new rate.
                    optimizer?.Dispose();
                    optimizer = torch.optim.SGD(network.parameters(), learningRate, options.Momentum, weight_decay: options.WeightDecay);
                }

                using var epochScope = torch.NewDisposeScope();
                var permutation = DeviceDraws.Permutation(count, batchOrder, device);
                var lossSum = torch.zeros(1, dtype: ScalarType.Float64, device: device);
                for (long start = 0; start < count; start += options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = torch.NewDisposeScope();
                    var length = Math.Min(options.BatchSize, count - start);
                    var rows = permutation.narrow(0, start, length);
                    var batch = images.index_select(0, rows);
                    if (!strategy.IsNone)
                    {
                        batch = DifferentiableAugmentation.Apply(batch, strategy, augmentation, siamese: false);
                    }

                    var logits = network.forward(batch);
                    var loss = softLabels is null
                        ? nn.functional.cross_entropy(logits, labels.index_select(0, rows))
                        : SoftCrossEntropy.Loss(logits, softLabels.index_select(0, rows));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    lossSum.add_(loss.detach().to_type(ScalarType.Float64) * length);
                }

                progress?.Advance();
                if (watch is null && progress is null)
                {
                    continue;
                }

                var meanLoss = lossSum.item<double>() / count;
                var usedRate = optimizer.ParamGroups.First().LearningRate;
                progress?.Describe($"epoch {epoch + 1}/{options.Epochs} · loss {meanLoss:F4} · lr {usedRate:G3}");
                if (watch is not null && Observe(watch, network, epoch + 1, options.Epochs, meanLoss, usedRate))
                {
                    // The bar counts the planned epochs: it moves past the ones the observer skipped.
                    var skipped = options.Epochs - epoch - 1;
                    if (skipped > 0)
                    {
                        progress?.Advance(skipped);
                    }

                    break;
                }
            }
        }
        finally
        {
            optimizer?.Dispose();
        }
    }

    public double Accuracy(Network network, LabeledImages test, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (test.Count == 0)
        {
            throw new ArgumentException("The test set is empty.", nameof(test));
        }

        var device = DeviceOf(network);
        var wasTraining = network.training;
        network.eval();
        try
        {
            using var noGrad = torch.no_grad();
            long correct = 0;
            for (long start = 0; start < test.Count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var length = Math.Min(batchSize, test.Count - start);
                var images = test.Images.narrow(0, start, length).to(device);
                var labels = test.Labels.narrow(0, start, length).to(device);
                var predictions = network.forward(images).argmax(1);
                correct += predictions.eq(labels).sum().item<long>();
            }

            return (double)correct / test.Count;
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    // Shows the observer the finished epoch and says whether it asked to stop.
    private bool Observe(EpochWatch watch, Network network, int epoch, int epochs, double loss, double learningRate)
    {
        Func<double>? accuracy = watch.Test is { } test ? () => Accuracy(network, test, watch.TestBatchSize) : null;
        var finished = new TrainingEpoch(epoch, epochs, loss, learningRate, accuracy);
        try
        {
            watch.Observer.EpochEnded(finished);
        }
        finally
        {
            finished.Closed = true;
        }

        return finished.StopRequested;
    }

    private static Device DeviceOf(Network network)
    {
        foreach (var parameter in network.parameters())
        {
            return parameter.device;
        }

        return torch.CPU;
    }
}
