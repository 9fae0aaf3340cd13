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
/// The reference training protocol: SGD with momentum and weight decay on shuffled mini-batches, cross-entropy,
/// the learning rate divided by ten at half the epochs, and optional differentiable augmentation drawn per image.
/// Runs on the device that holds the network's parameters.
/// </summary>
public sealed class NetworkTrainer : INetworkTrainer
{
    public void Train(Network network, LabeledImages train, TrainingOptions options, long seed, IProgressTask? progress, CancellationToken cancellationToken) =>
        Train(network, train, options, seed, progress, epochs: null, cancellationToken);

    /// <summary>As <see cref="Train(Network, LabeledImages, TrainingOptions, long, IProgressTask?, CancellationToken)"/>, reporting every finished epoch to <paramref name="epochs"/>.</summary>
    public void Train(
        Network network,
        LabeledImages train,
        TrainingOptions options,
        long seed,
        IProgressTask? progress,
        IProgress<TrainingEpoch>? epochs,
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
        using var batchOrder = new Generator((ulong)SeedSequence.Derive(seed, "batch order"));
        using var augmentation = new Generator((ulong)SeedSequence.Derive(seed, "augmentation"));

        network.train();
        SGD? optimizer = null;
        try
        {
            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                var learningRate = LearningRateSchedule.At(epoch, options);
                if (optimizer is null || optimizer.ParamGroups.First().LearningRate != learningRate)
                {
                    // A fresh optimizer at the decay, as the reference does: the momentum restarts with the new rate.
                    optimizer?.Dispose();
                    optimizer = torch.optim.SGD(network.parameters(), learningRate, options.Momentum, weight_decay: options.WeightDecay);
                }

                using var epochScope = torch.NewDisposeScope();
                var permutation = torch.randperm(count, dtype: ScalarType.Int64, generator: batchOrder).to(device);
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

                    var loss = nn.functional.cross_entropy(network.forward(batch), labels.index_select(0, rows));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    lossSum.add_(loss.detach().to_type(ScalarType.Float64) * length);
                }

                progress?.Advance();
                if (epochs is not null || progress is not null)
                {
                    var meanLoss = lossSum.item<double>() / count;
                    var usedRate = optimizer.ParamGroups.First().LearningRate;
                    progress?.Describe($"epoch {epoch + 1}/{options.Epochs} · loss {meanLoss:F4} · lr {usedRate:G3}");
                    epochs?.Report(new TrainingEpoch(epoch, usedRate, meanLoss));
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

    private static Device DeviceOf(Network network)
    {
        foreach (var parameter in network.parameters())
        {
            return parameter.device;
        }

        return torch.CPU;
    }
}
