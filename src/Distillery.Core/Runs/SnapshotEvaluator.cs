using System.Text.Json;
using System.Text.Json.Nodes;
using Distillery.Data;
using Distillery.Imaging;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Randomness;
using Distillery.Storage;
using Distillery.Training;
using static TorchSharp.torch;

namespace Distillery.Runs;

/// <summary>
/// Takes a run's snapshots: draws the images, evaluates them with the reference protocol (with the seeds a later
/// <c>evaluate</c> of the finished set uses, so the numbers line up), and rewrites <c>NAME.snapshots.json</c> after each
/// one so that a killed run keeps what it measured. A resumed run keeps the rows an earlier process of the same run
/// (<paramref name="runId"/>) wrote there, at iterations it does not evaluate again; rows of another run are dropped.
/// Sets its time aside on the run's clock, so that the run's distillation time leaves it out.
/// </summary>
public sealed class SnapshotEvaluator(
    SnapshotPlan plan,
    string setName,
    string runId,
    long seed,
    DatasetSplits data,
    ISetEvaluator evaluator,
    EvaluationOptions evaluation,
    RunClock runClock,
    IProgressReporter progress) : ISnapshotSink
{
    private readonly HashSet<int> _wanted = [.. plan.Iterations];
    private readonly List<SnapshotResult> _results = [];
    private List<JsonObject>? _earlierRows;

    public IReadOnlyList<SnapshotResult> Results => _results;

    public string ResultsPath => Path.Combine(plan.Directory, setName + ".snapshots.json");

    public bool Wants(int iteration) => _wanted.Contains(iteration);

    public Task TakeAsync(int iteration, Tensor images, Tensor labels, CancellationToken cancellationToken)
        => TakeAsync(iteration, images, labels, Formation.None, cancellationToken);

    public Task TakeAsync(int iteration, Tensor images, Tensor labels, Formation formation, CancellationToken cancellationToken)
        => TakeAsync(iteration, images, labels, formation, softLabels: null, learningRate: null, cancellationToken);

    /// <summary>
    /// Draws the stored images and evaluates the training images they decode into, on the soft labels and at the learned
    /// rate when the run gives them (as <c>evaluate</c> trains on the finished set), and with soft labels once more on
    /// hard labels (unless the plan says not to).
    /// </summary>
    public async Task TakeAsync(
        int iteration, Tensor images, Tensor labels, Formation formation, Tensor? softLabels, double? learningRate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(formation);
        var distillSeconds = runClock.Seconds;
        var distillProcessorSeconds = runClock.ProcessorSeconds;
        using (runClock.SetAside())
        {
            Directory.CreateDirectory(plan.Directory);
            var png = Path.Combine(plan.Directory, $"{setName}-it{iteration}.png");
            ImageGrid.WritePng(images, labels, data.Info, png);
            using var set = new TrainingSet(
                formation.Decode(images.detach()),
                formation.DecodeLabels(labels),
                data.Info.NumClasses,
                softLabels is null ? null : formation.DecodeLabels(softLabels.detach()),
                learningRate);
            var result = await EvaluateAsync(set).ConfigureAwait(false);
            EvaluationResult? hardLabels = null;
            if (set.SoftLabels is not null && plan.HardLabels)
            {
                using var hard = set.WithHardLabels();
                hardLabels = await EvaluateAsync(hard).ConfigureAwait(false);
            }

            _results.Add(new SnapshotResult(iteration, distillSeconds, distillProcessorSeconds, result, png) { HardLabels = hardLabels });
            var withHardLabels = hardLabels is null ? "" : FormattableString.Invariant($" ({100 * hardLabels.Mean:F2} % with hard labels)");
            using (var line = progress.Start(FormattableString.Invariant(
                $"snapshot at iteration {iteration}: {100 * result.Mean:F2} ± {100 * result.Std:F2} %{withHardLabels} on {plan.Architecture}, {distillSeconds:F0} s of distillation ({distillProcessorSeconds:F0} processor s)"), 1))
            {
                line.Advance();
            }

            _earlierRows ??= EarlierRows();
            var rows = _earlierRows
                .Where(row => !_results.Exists(taken => taken.Iteration == (int?)row["iteration"]))
                .Concat(_results.Select(FileRow))
                .OrderBy(row => (int?)row["iteration"])
                .ToList();
            AtomicFile.Write(ResultsPath, stream => JsonSerializer.Serialize(stream, rows));
        }

        // The same networks and seeds for both label kinds, so the two differ only in their labels.
        Task<EvaluationResult> EvaluateAsync(TrainingSet images) => evaluator.EvaluateAsync(
            images, data, plan.Architecture, evaluation.With(networks: plan.Networks), SeedSequence.Derive(seed, "evaluate " + plan.Architecture),
            progress, cancellationToken);
    }

    /// <summary>The rows an earlier process of this run wrote; none when the file is missing, unreadable or of another run.</summary>
    private List<JsonObject> EarlierRows()
    {
        if (!File.Exists(ResultsPath))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(ResultsPath)) is JsonArray rows
                ? [.. rows.OfType<JsonObject>().Where(IsEarlierRowOfThisRun).Select(row => (JsonObject)row.DeepClone())]
                : [];
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private bool IsEarlierRowOfThisRun(JsonObject row) =>
        row["run"] is JsonValue run && run.TryGetValue<string>(out var id) && id == runId
        && row["iteration"] is JsonValue iteration && iteration.TryGetValue<int>(out _);

    private JsonObject FileRow(SnapshotResult result)
    {
        var row = JsonSerializer.SerializeToNode(ToJson(result))!.AsObject();
        row["run"] = runId;
        return row;
    }

    public static object ToJson(SnapshotResult result) => new
    {
        iteration = result.Iteration,
        distill_seconds = result.DistillSeconds,
        distill_processor_seconds = result.DistillProcessorSeconds,
        architecture = result.Evaluation.Architecture,
        mean = result.Evaluation.Mean,
        std = result.Evaluation.Std,
        accuracies = result.Evaluation.Accuracies,
        evaluation_seconds = result.Evaluation.Seconds,
        soft_labels = result.Evaluation.SoftLabels,
        learning_rate = result.Evaluation.LearningRate,
        learning_rate_from_set = result.Evaluation.LearningRateFromSet,
        hard_labels = result.HardLabels is { } hard
            ? new { mean = hard.Mean, std = hard.Std, accuracies = hard.Accuracies, evaluation_seconds = hard.Seconds }
            : null,
        png = result.Png,
    };
}
