using System.Diagnostics;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Randomness;

namespace Distillery.Training;

/// <summary>
/// Trains <see cref="EvaluationOptions.Networks"/> fresh networks on a set, one after the other, and tests each on
/// the dataset's test split. Network <c>i</c> is initialised from the seed derived for "network #i" and trained
/// with the seed derived for "training #i", so every network is reproducible on its own. The networks train on the
/// set's soft labels and from its learned learning rate when it has them, and the result says so. Runs on the calling
/// thread (libtorch's gradient mode is per thread).
/// </summary>
public sealed class SetEvaluator(INetworkFactory networks, INetworkTrainer trainer, IDeviceProvider devices) : ISetEvaluator
{
    public Task<EvaluationResult> EvaluateAsync(
        TrainingSet trainSet,
        DatasetSplits dataset,
        string architecture,
        EvaluationOptions options,
        long seed,
        IProgressReporter progress,
        CancellationToken cancellationToken) =>
        EvaluateAsync(trainSet, dataset, architecture, options, seed, progress, observers: null, cancellationToken);

    public Task<EvaluationResult> EvaluateAsync(
        TrainingSet trainSet,
        DatasetSplits dataset,
        string architecture,
        EvaluationOptions options,
        long seed,
        IProgressReporter progress,
        Func<int, IEpochObserver?>? observers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trainSet);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);

        using var withoutRate = options.UseSetLearningRate || trainSet.LearningRate is null ? null : trainSet.WithoutLearningRate();
        var train = withoutRate ?? trainSet;
        var clock = Stopwatch.StartNew();
        var accuracies = new List<double>(options.Networks);
        using var task = progress.Start($"Evaluating {architecture}", (double)options.Networks * options.Epochs);
        for (var i = 0; i < options.Networks; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prefix = $"{architecture}, network {i + 1}/{options.Networks}: ";
            task.Describe(prefix + "starting");
            using var network = networks.Create(architecture, dataset.Info, SeedSequence.Derive(seed, "network", i), devices.Device);
            var watch = observers?.Invoke(i) is { } observer ? new EpochWatch(observer, dataset.Test, options.TestBatchSize) : null;
            trainer.Train(network, train, options, SeedSequence.Derive(seed, "training", i), new PrefixedProgressTask(task, prefix), watch, cancellationToken);
            accuracies.Add(trainer.Accuracy(network, dataset.Test, options.TestBatchSize));
        }

        return Task.FromResult(new EvaluationResult(architecture, accuracies, clock.Elapsed.TotalSeconds)
        {
            LearningRate = train.LearningRate ?? options.LearningRate,
            LearningRateFromSet = train.LearningRate is not null,
            SoftLabels = train.SoftLabels is not null,
        });
    }
}
