using System.Text.Json;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Progress;
using Distillery.Randomness;
using Distillery.Storage;
using Distillery.Training;

namespace Distillery.Runs;

public sealed class SetEvaluationRunner(
    IWorkspaceStore store,
    IDatasetLoader datasets,
    ISetEvaluator evaluator,
    IDeviceProvider devices) : ISetEvaluationRunner
{
    public async Task<SetEvaluationReport> EvaluateAsync(SetEvaluationJob job, IProgressReporter progress, CancellationToken cancellationToken)
    {
        if (job.Architectures.Count == 0)
        {
            throw new UserErrorException("Name at least one architecture to evaluate on, e.g. convnet.") { Setting = "Architectures" };
        }

        using var set = await store.LoadSetAsync(job.SetName, cancellationToken).ConfigureAwait(false);
        var provenance = set.Provenance;
        var data = await datasets.LoadAsync(provenance.Dataset, progress, cancellationToken).ConfigureAwait(false);

        var started = DateTimeOffset.UtcNow;
        IReadOnlyList<EvaluationResult> results = [];
        IReadOnlyList<EvaluationResult> hardLabels = [];
        if (job.StoredSet)
        {
            // With everything the set learned: its images decoded, its soft labels and learning rate when it has them.
            using var synthetic = TrainingSet.Of(set, data.Info.NumClasses, devices.Device);
            results = await OnEachArchitectureAsync(synthetic).ConfigureAwait(false);
            if (synthetic.SoftLabels is not null)
            {
                // The same images and seeds with the hard labels: soft labels can carry a teacher's knowledge.
                using var hard = synthetic.WithHardLabels();
                hardLabels = await OnEachArchitectureAsync(hard).ConfigureAwait(false);
            }
        }

        IReadOnlyList<EvaluationResult> baseline = [];
        if (job.RandomBaseline)
        {
            // Real images with their hard labels, at the configured learning rate.
            using var random = RandomSubset.Sample(data.Train, provenance.ImagesPerClass, SeedSequence.Derive(job.Seed, "random baseline"));
            using var randomSet = TrainingSet.Of(random);
            baseline = await OnEachArchitectureAsync(randomSet).ConfigureAwait(false);
        }

        var report = new SetEvaluationReport(job.SetName, provenance.Method, provenance.Dataset, provenance.ImagesPerClass, job.Options, results, baseline)
        {
            HardLabels = hardLabels,
            Budget = SetBudget.Of(set),
        };
        await store.SaveRunAsync(
            new RunRecord
            {
                Id = RunKeys.For("evaluate", [job.SetName, $"{job.Seed}", string.Join(',', job.Architectures), $"{started:O}"]),
                Kind = "evaluate",
                Status = "completed",
                StartedAt = started,
                FinishedAt = DateTimeOffset.UtcNow,
                SetName = job.SetName,
                Json = SetEvaluationReports.ToJson(report).ToJsonString(),
            },
            CancellationToken.None).ConfigureAwait(false);
        return report;

        // Every architecture with the same seeds for the set and the baseline, so the two differ only in their images.
        async Task<IReadOnlyList<EvaluationResult>> OnEachArchitectureAsync(TrainingSet images)
        {
            var evaluated = new List<EvaluationResult>();
            foreach (var architecture in job.Architectures)
            {
                evaluated.Add(await evaluator.EvaluateAsync(
                    images, data, architecture, job.Options, SeedSequence.Derive(job.Seed, "evaluate " + architecture), progress, cancellationToken).ConfigureAwait(false));
            }

            return evaluated;
        }
    }
}
