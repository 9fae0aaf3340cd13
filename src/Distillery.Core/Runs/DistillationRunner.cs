using System.Diagnostics;
using System.Text.Json;
using Distillery.Components;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Distillery.Runs;

public sealed class DistillationRunner(
    IComponentCatalog catalog,
    IDatasetLoader datasets,
    IWorkspaceStore store,
    IDeviceProvider devices,
    ISetEvaluator evaluator,
    IOptions<EvaluationOptions> evaluation,
    IConfiguration configuration,
    ILogger<DistillationRunner> logger) : IDistillationRunner
{
    public async Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken)
    {
        if (job.ImagesPerClass <= 0)
        {
            throw new UserErrorException($"--ipc must be a positive number of images per class; got {job.ImagesPerClass}.");
        }

        var method = catalog.Resolve<IDistillationMethod>(job.Method);
        catalog.Resolve<IDataset>(job.Dataset);
        var setName = job.SetName ?? DefaultSetName(job);
        if (!job.Overwrite && await store.SetExistsAsync(setName, cancellationToken).ConfigureAwait(false))
        {
            throw new UserErrorException($"A set named '{setName}' exists in the workspace. Use --overwrite to replace it, or --name to pick another name.");
        }

        var data = await datasets.LoadAsync(job.Dataset, progress, cancellationToken).ConfigureAwait(false);
        CheckImagesPerClass(job, data);

        using var initialImages = job.InitFrom is null ? null : await StartingImages.LoadAsync(store, job, data.Info, devices.Device, cancellationToken).ConfigureAwait(false);

        var options = RunKeys.Flatten(configuration.GetSection($"{ComponentSections.Methods}:{job.Method}"));
        string[] initKey = initialImages is null ? [] : [$"init-from={job.InitFrom}@{RunKeys.Fingerprint(initialImages)}"];
        var runId = RunKeys.For("distill", [job.Method, job.Dataset, $"{job.ImagesPerClass}", job.Architecture, $"{job.Seed}", .. options, .. initKey]);
        var checkpoints = store.Checkpoints(runId);
        var resumed = await HasCheckpointAsync(checkpoints, cancellationToken).ConfigureAwait(false);
        if (resumed)
        {
            logger.LogInformation("Resuming run {RunId} from its checkpoint.", runId);
        }

        var started = DateTimeOffset.UtcNow;
        var record = new RunRecord
        {
            Id = runId,
            Kind = "distill",
            Status = "running",
            StartedAt = started,
            SetName = setName,
            Json = JsonSerializer.Serialize(new { job.Method, job.Dataset, job.ImagesPerClass, job.Architecture, job.Seed, job.InitFrom, Options = options }),
        };
        await store.SaveRunAsync(record, cancellationToken).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var snapshots = job.Snapshots is null
            ? null
            : new SnapshotEvaluator(job.Snapshots, setName, job.Seed, data, evaluator, evaluation.Value, clock, progress);
        try
        {
            var request = new DistillationRequest
            {
                Dataset = data.Info,
                Train = data.Train,
                ImagesPerClass = job.ImagesPerClass,
                Architecture = job.Architecture,
                Seed = job.Seed,
                Device = devices.Device,
                Progress = progress,
                Checkpoints = checkpoints,
                Snapshots = (ISnapshotSink?)snapshots ?? NullSnapshotSink.Instance,
                InitialImages = initialImages,
            };
            using var distilled = await method.DistillAsync(request, cancellationToken).ConfigureAwait(false);
            var seconds = (clock.Elapsed - (snapshots?.Spent ?? TimeSpan.Zero)).TotalSeconds;
            var provenance = distilled.Provenance with
            {
                OptionsJson = JsonSerializer.Serialize(options),
                DurationSeconds = seconds,
            };
            using var set = new SyntheticSet(distilled.Images.alias(), distilled.Labels.alias(), provenance)
            {
                SoftLabels = distilled.SoftLabels?.alias(),
                LearnedLearningRate = distilled.LearnedLearningRate,
            };
            var stored = await store.SaveSetAsync(setName, set, job.Overwrite, CancellationToken.None).ConfigureAwait(false);
            await store.DeleteCheckpointsAsync(runId, CancellationToken.None).ConfigureAwait(false);
            await store.SaveRunAsync(record with { Status = "completed", FinishedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
            return new DistillationOutcome(stored, runId, resumed, seconds) { Snapshots = snapshots?.Results ?? [] };
        }
        catch (OperationCanceledException)
        {
            await store.SaveRunAsync(record with { Status = "cancelled", FinishedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception)
        {
            await store.SaveRunAsync(record with { Status = "failed", FinishedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public static string DefaultSetName(DistillationJob job) =>
        $"{job.Method}-{job.Dataset}-ipc{job.ImagesPerClass}-seed{job.Seed}";

    private static void CheckImagesPerClass(DistillationJob job, DatasetSplits data)
    {
        for (var label = 0; label < data.Info.NumClasses; label++)
        {
            var count = data.Train.CountOf(label);
            if (job.ImagesPerClass > count)
            {
                throw new UserErrorException(
                    $"--ipc {job.ImagesPerClass} is larger than class {label} ('{data.Info.ClassNames[label]}') of {job.Dataset}, " +
                    $"which has {count} training images. Use --ipc {count} or less.");
            }
        }
    }

    private static async Task<bool> HasCheckpointAsync(ICheckpointStore checkpoints, CancellationToken cancellationToken)
    {
        using var checkpoint = await checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint is not null;
    }
}
