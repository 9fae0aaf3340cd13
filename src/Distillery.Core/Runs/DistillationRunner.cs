using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Components;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Storage;
using Distillery.Text;
using Distillery.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace Distillery.Runs;

public sealed class DistillationRunner(
    IComponentCatalog catalog,
    IDatasetLoader datasets,
    IWorkspaceStore store,
    IDeviceProvider devices,
    ISetEvaluator evaluator,
    IOptions<EvaluationOptions> evaluation,
    RunEnvironmentProbe environment,
    ILogger<DistillationRunner> logger) : IDistillationRunner
{
    public async Task<DistillationOutcome> RunAsync(DistillationJob job, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        CheckImagesPerClass(job);
        var method = ResolveMethod(job);
        catalog.Find(ComponentKind.Dataset, job.Dataset);
        var setName = job.SetName ?? DefaultSetName(job);
        if (!job.Overwrite && await store.SetExistsAsync(setName, cancellationToken).ConfigureAwait(false))
        {
            throw new UserErrorException($"A set named '{setName}' exists in the workspace: replace it (Overwrite) or pick another name.")
            {
                Setting = nameof(DistillationJob.SetName),
                Value = setName,
            };
        }

        var data = await datasets.LoadAsync(job.Dataset, progress, cancellationToken).ConfigureAwait(false);
        CheckClassSizes(job, data);
        using var initialImages = job.InitFrom is null ? null : await StartingImages.LoadAsync(store, job, data.Info, devices.Device, cancellationToken).ConfigureAwait(false);
        string[] startKey = initialImages is null ? [] : [$"init-from={job.InitFrom}@{RunKeys.Fingerprint(initialImages)}"];
        var run = new PlannedRun(job, method, startKey);

        var clock = new RunClock();
        var snapshots = job.Snapshots is null
            ? null
            : new SnapshotEvaluator(job.Snapshots, setName, run.Id, job.Seed, data, evaluator, evaluation.Value, clock, progress);
        var request = Request(job, data, progress) with
        {
            Snapshots = (ISnapshotSink?)snapshots ?? NullSnapshotSink.Instance,
            InitialImages = initialImages,
        };

        var (stored, resumed) = await ExecuteAsync(run, request, setName, clock, async (set, cancellation) =>
        {
            var distilling = clock.Seconds;
            var processor = clock.ProcessorSeconds;
            using var withProvenance = WithProvenance(set, run, distilling);
            var info = await store.SaveSetAsync(setName, withProvenance, job.Overwrite, cancellation).ConfigureAwait(false);
            return (Info: info, Seconds: distilling, ProcessorSeconds: processor);
        }, cancellationToken).ConfigureAwait(false);
        return new DistillationOutcome(stored.Info, run.Id, resumed, stored.Seconds)
        {
            ProcessorSeconds = stored.ProcessorSeconds,
            Snapshots = snapshots?.Results ?? [],
        };
    }

    public async Task<SyntheticSet> DistillAsync(DistillationJob job, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(data);
        CheckImagesPerClass(job);
        CheckClassSizes(job, data);
        var method = ResolveMethod(job);
        var run = new PlannedRun(job, method, [$"data={RunKeys.Fingerprint(data.Train.Images)}/{RunKeys.Fingerprint(data.Train.Labels)}"]);
        var clock = new RunClock();
        var (set, _) = await ExecuteAsync(run, Request(job, data, progress), setName: null, clock, (set, _) =>
            Task.FromResult(WithProvenance(set, run, clock.Seconds)), cancellationToken).ConfigureAwait(false);
        return set;
    }

    public static string DefaultSetName(DistillationJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.Method}-{job.Dataset}-ipc{job.ImagesPerClass}-seed{job.Seed}";
    }

    private ResolvedComponent<IDistillationMethod> ResolveMethod(DistillationJob job) =>
        catalog.ResolveWithOptions<IDistillationMethod>(job.Method, job.MethodOptions);

    private DistillationRequest Request(DistillationJob job, DatasetSplits data, IProgressReporter progress) => new()
    {
        Dataset = data.Info,
        Train = data.Train,
        ImagesPerClass = job.ImagesPerClass,
        Architecture = job.Architecture,
        Seed = job.Seed,
        Device = devices.Device,
        Progress = progress,
    };

    /// <summary>
    /// Runs the method under the run's record and checkpoints; <paramref name="finish"/> turns its set into the result.
    /// The checkpoint is dropped and the record completed only once <paramref name="finish"/> has succeeded. The
    /// checkpoints keep <paramref name="clock"/>'s time, and a resumed run's clock continues from theirs.
    /// </summary>
    private async Task<(T Result, bool Resumed)> ExecuteAsync<T>(
        PlannedRun run,
        DistillationRequest request,
        string? setName,
        RunClock clock,
        Func<SyntheticSet, CancellationToken, Task<T>> finish,
        CancellationToken cancellationToken)
    {
        var checkpoints = new ClockedCheckpointStore(store.Checkpoints(run.Id), clock);
        var resumed = await store.CheckpointStepAsync(run.Id, cancellationToken).ConfigureAwait(false) is not null;
        if (resumed)
        {
            logger.LogInformation("Resuming run {RunId} from its checkpoint.", run.Id);
        }

        var record = new RunRecord
        {
            Id = run.Id,
            Kind = PlannedRun.Kind,
            Status = "running",
            StartedAt = DateTimeOffset.UtcNow,
            SetName = setName,
            Json = run.SettingsJson(),
        };
        await store.SaveRunAsync(record, cancellationToken).ConfigureAwait(false);
        try
        {
            using var distilled = await run.Method.Component.DistillAsync(request with { Checkpoints = checkpoints }, cancellationToken).ConfigureAwait(false);
            var result = await finish(distilled, CancellationToken.None).ConfigureAwait(false);
            await store.DeleteCheckpointsAsync(run.Id, CancellationToken.None).ConfigureAwait(false);
            await store.SaveRunAsync(record with { Status = "completed", FinishedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
            return (result, resumed);
        }
        catch (OperationCanceledException stop)
        {
            await store.SaveRunAsync(record with { Status = "cancelled", FinishedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
            if (stop is RunStoppedException || !cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw await DescribeStopAsync(run.Id, stop, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await store.SaveRunAsync(record with { Status = "failed", FinishedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A set that owns aliases of <paramref name="set"/>'s tensors, with the run's options, time and environment in its provenance.</summary>
    private SyntheticSet WithProvenance(SyntheticSet set, PlannedRun run, double seconds) =>
        new(set.Images.alias(), set.Labels.alias(), set.Provenance with
        {
            OptionsJson = run.OptionsJson,
            DurationSeconds = seconds,
            Environment = environment.Describe(run.Job.Dataset),
        })
        {
            SoftLabels = set.SoftLabels?.alias(),
            LearnedLearningRate = set.LearnedLearningRate,
            Formation = set.Formation,
        };

    private static void CheckImagesPerClass(DistillationJob job)
    {
        if (job.ImagesPerClass <= 0)
        {
            throw new UserErrorException($"The images per class must be a positive number; got {job.ImagesPerClass}.")
            {
                Setting = nameof(DistillationJob.ImagesPerClass),
                Value = $"{job.ImagesPerClass}",
            };
        }
    }

    private static void CheckClassSizes(DistillationJob job, DatasetSplits data)
    {
        for (var label = 0; label < data.Info.NumClasses; label++)
        {
            var count = data.Train.CountOf(label);
            if (job.ImagesPerClass > count)
            {
                throw new UserErrorException(
                    $"{Counted.ImagesPerClass(job.ImagesPerClass)} is more than class {label} ('{data.Info.ClassNames[label]}') of {job.Dataset} has: " +
                    $"{Counted.Of(count, "training image")}. Ask for {count} or fewer.")
                {
                    Setting = nameof(DistillationJob.ImagesPerClass),
                    Value = $"{job.ImagesPerClass}",
                };
            }
        }
    }

    /// <summary>What a method that stopped without saying kept: its last checkpoint, if it saved one.</summary>
    private async Task<RunStoppedException> DescribeStopAsync(string runId, OperationCanceledException stop, CancellationToken cancellationToken)
    {
        var kept = await store.CheckpointStepAsync(runId, CancellationToken.None).ConfigureAwait(false);
        return kept is null
            ? RunStoppedException.KeepingNothing(cancellationToken, stop)
            : RunStoppedException.Keeping($"the run's checkpoint at step {kept}", cancellationToken, stop);
    }

    /// <summary>A job with its method resolved: the options it runs with and the key they give the run.</summary>
    private sealed class PlannedRun
    {
        public const string Kind = "distill";

        public PlannedRun(DistillationJob job, ResolvedComponent<IDistillationMethod> method, IReadOnlyList<string> dataKey)
        {
            Job = job;
            Method = method;
            OptionsJson = Runs.OptionsJson.Serialize(method.Options);
            Id = RunKeys.For(Kind, [job.Method, job.Dataset, $"{job.ImagesPerClass}", job.Architecture, $"{job.Seed}", OptionsJson, .. dataKey]);
        }

        public DistillationJob Job { get; }

        public ResolvedComponent<IDistillationMethod> Method { get; }

        public string OptionsJson { get; }

        public string Id { get; }

        public string SettingsJson() => JsonSerializer.Serialize(new JsonObject
        {
            ["method"] = Job.Method,
            ["dataset"] = Job.Dataset,
            ["imagesPerClass"] = Job.ImagesPerClass,
            ["architecture"] = Job.Architecture,
            ["seed"] = Job.Seed,
            ["initFrom"] = Job.InitFrom,
            ["options"] = JsonNode.Parse(OptionsJson),
        });
    }
}
