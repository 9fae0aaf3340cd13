using System.Diagnostics;
using Distillery.Data;
using Distillery.Methods.TrajectoryMatching.Functional;
using Distillery.Randomness;
using Distillery.Runs;
using Distillery.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// Gets a run its experts: those stored in the workspace under the run's expert settings are read, the missing ones
/// trained and stored one by one as each finishes, so a stopped expert phase resumes with the next expert.
/// </summary>
internal sealed class ExpertTrajectories(ExpertStore store, ExpertTrainer trainer)
{
    /// <summary>The expert settings of a run, which key its experts in the workspace.</summary>
    public static ExpertSettings SettingsFor(DistillationRequest request, TrajectoryMatchingOptions options, ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(layout);
        var data = $"{request.Train.Count}:{RunKeys.Fingerprint(request.Train.Images)}/{RunKeys.Fingerprint(request.Train.Labels)}";
        return new ExpertSettings(
            request.Architecture,
            layout.Fingerprint,
            request.Dataset.Name,
            data,
            options.ExpertTrainingEpochs,
            options.ExpertLearningRate,
            options.ExpertBatch,
            options.ExpertImages,
            options.ParseExpertAugmentation().ToString(),
            options.ExpertSeed);
    }

    /// <exception cref="RunStoppedException">Cancelled while training experts; says how many are kept.</exception>
    public async Task<ExpertPool> PrepareAsync(
        DistillationRequest request, TrajectoryMatchingOptions options, ParameterLayout layout, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var settings = SettingsFor(request, options, layout);
        var stored = (await store.ListAsync(settings, cancellationToken).ConfigureAwait(false)).Select(document => document.Index).ToHashSet();
        var missing = Enumerable.Range(0, options.Experts).Where(index => !stored.Contains(index)).ToList();
        var clock = Stopwatch.StartNew();
        if (missing.Count > 0)
        {
            var finished = 0;
            try
            {
                await TrainAsync(request, options, settings, layout, missing, method, () => finished++, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
            {
                var kept = stored.Count + finished;
                throw kept > 0
                    ? RunStoppedException.Keeping($"every finished expert ({kept} of {options.Experts})", cancellationToken, stop)
                    : RunStoppedException.KeepingNothing(cancellationToken, stop);
            }
        }

        var seconds = missing.Count > 0 ? clock.Elapsed.TotalSeconds : 0;
        var trajectories = new List<Tensor>();
        try
        {
            for (var index = 0; index < options.Experts; index++)
            {
                using var trajectory = await store.ReadTrajectoryAsync(settings, index, cancellationToken).ConfigureAwait(false);
                if (trajectory.dim() != 2 || trajectory.shape[0] != options.ExpertTrainingEpochs + 1 || trajectory.shape[1] != layout.Size)
                {
                    throw new UserErrorException(
                        $"The stored expert '{settings.IdOf(index)}' in {store.Location} has shape [{string.Join(", ", trajectory.shape)}]; " +
                        $"expected [{options.ExpertTrainingEpochs + 1}, {layout.Size}].");
                }

                trajectories.Add(trajectory.to(request.Device).DetachFromDisposeScope());
            }
        }
        catch
        {
            foreach (var trajectory in trajectories)
            {
                trajectory.Dispose();
            }

            throw;
        }

        return new ExpertPool(trajectories, missing.Count, seconds, settings.Key);
    }

    private async Task TrainAsync(
        DistillationRequest request,
        TrajectoryMatchingOptions options,
        ExpertSettings settings,
        ParameterLayout layout,
        IReadOnlyList<int> missing,
        string method,
        Action stored,
        CancellationToken cancellationToken)
    {
        using var train = TrainingImages(request, options);
        var augmentation = options.ParseExpertAugmentation();
        using var task = request.Progress.Start(
            $"{method}: training {Counted.Of(missing.Count, "expert")} on {train.Count} images", missing.Count * options.ExpertTrainingEpochs);
        foreach (var index in missing)
        {
            var clock = Stopwatch.StartNew();
            var (trajectory, finalLoss) = trainer.Train(settings, index, request.Dataset, train, augmentation, layout, request.Device, task, cancellationToken);
            using (trajectory)
            {
                var document = new ExpertDocument
                {
                    Key = settings.Key,
                    Architecture = settings.Architecture,
                    Dataset = settings.Dataset,
                    Data = settings.Data,
                    Layout = settings.Layout,
                    Epochs = settings.Epochs,
                    LearningRate = settings.LearningRate,
                    Batch = settings.Batch,
                    Images = settings.Images,
                    Augmentation = settings.Augmentation,
                    Seed = settings.Seed,
                    Index = index,
                    Seconds = clock.Elapsed.TotalSeconds,
                    FinalLoss = finalLoss,
                };
                await store.SaveAsync(settings, document, trajectory, cancellationToken).ConfigureAwait(false);
                stored();
            }
        }
    }

    /// <summary>The experts' training images: all of them, or a class-balanced random subset of ExpertImages.</summary>
    private static LabeledImages TrainingImages(DistillationRequest request, TrajectoryMatchingOptions options)
    {
        var train = request.Train;
        if (options.ExpertImages == 0 || options.ExpertImages >= train.Count)
        {
            return new LabeledImages(train.Images.alias(), train.Labels.alias(), train.NumClasses);
        }

        using var generator = new Generator((ulong)SeedSequence.Derive(options.ExpertSeed, "expert images"));
        var perClass = Math.Max(1, options.ExpertImages / train.NumClasses);
        var rows = new List<long>();
        for (var label = 0; label < train.NumClasses; label++)
        {
            var classRows = train.IndicesOf(label);
            using var permutation = torch.randperm(classRows.Count, generator: generator);
            var order = permutation.data<long>().ToArray();
            rows.AddRange(order.Take(perClass).Select(i => classRows[(int)i]));
        }

        // Not inside a dispose scope: Select moves the new set's tensors to the caller's scope, which would then free them.
        using var indices = torch.tensor(rows.ToArray(), device: train.Images.device);
        return train.Select(indices);
    }
}
