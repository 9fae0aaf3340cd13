using System.Globalization;
using System.Text.Json;
using Distillery.Components;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Runs;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Options;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// Runs a class- or task-incremental benchmark: for every class order, the bounds (finetune, joint) once, and for
/// every memory method its memory (made or loaded from the workspace) and the learners that train on it. Reports the
/// accuracy matrices, average accuracy per step, forgetting and backward transfer, as tables, JSON and pictures.
/// </summary>
internal sealed class ContinualScenario(
    IOptions<ContinualOptions> options,
    IOptions<EvaluationOptions> evaluation,
    IComponentCatalog catalog,
    IDatasetLoader datasets,
    MemoryProvider memory,
    TrackRunner tracks,
    IWorkspaceStore workspace) : IScenario
{
    public const string Name = "continual";

    public async Task<RunReport> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var learners = settings.LearnerList;
        var methods = learners.Any(LearnerNames.UsesMemory) ? settings.MemoryMethodList : [];
        if (!settings.ReuseMemory)
        {
            foreach (var method in methods)
            {
                catalog.Resolve<IDistillationMethod>(method);
            }
        }

        var data = await datasets.LoadAsync(settings.Dataset, context.Progress, cancellationToken).ConfigureAwait(false);
        var plan = ContinualPlanner.Plan(settings, data);
        var splits = Enumerable.Range(0, settings.ClassOrders)
            .Select(order => IncrementalSplit.Draw(plan.NumClasses, plan.Steps, plan.Seed, order))
            .ToList();

        var results = new List<TrackResult>();
        var outcomes = new List<MemoryOutcome>();
        foreach (var split in splits)
        {
            var tests = split.Steps.Select(classes => ClassSubset.Select(data.Test, classes)).ToList();
            try
            {
                foreach (var learner in learners.Where(l => !LearnerNames.UsesMemory(l)))
                {
                    results.Add(await RunTrackAsync(settings, plan, split, learner, null, data, tests, null, context, cancellationToken).ConfigureAwait(false));
                }

                foreach (var method in methods)
                {
                    var (timeline, outcome) = await memory.PrepareAsync(plan, method, split, data, context.Progress, cancellationToken).ConfigureAwait(false);
                    using (timeline)
                    {
                        outcomes.Add(outcome);
                        foreach (var learner in learners.Where(LearnerNames.UsesMemory))
                        {
                            results.Add(await RunTrackAsync(settings, plan, split, learner, method, data, tests, timeline, context, cancellationToken).ConfigureAwait(false));
                        }
                    }
                }
            }
            finally
            {
                tests.ForEach(t => t.Dispose());
            }
        }

        var summaries = TrackSummary.Group(results, settings.Setting);
        var files = ContinualPlots.Write(context.OutputDirectory, plan, summaries);
        return ContinualReport.Create(settings, plan, splits, summaries, outcomes, files);
    }

    private async Task<TrackResult> RunTrackAsync(
        ContinualOptions settings,
        ContinualPlan plan,
        IncrementalSplit split,
        string learner,
        string? method,
        DatasetSplits data,
        IReadOnlyList<LabeledImages> tests,
        MemoryTimeline? timeline,
        ScenarioContext context,
        CancellationToken cancellationToken)
    {
        var reference = evaluation.Value;
        var spec = new TrackSpec
        {
            Learner = learner,
            MemoryMethod = method,
            Split = split,
            Architecture = plan.Architecture,
            Seed = plan.Seed,
            MemoryTraining = Training(reference, settings.Epochs),
            DataTraining = Training(reference, settings.RealDataEpochs),
            TestBatchSize = reference.TestBatchSize,
            RunKey = "-",
        };
        spec = spec with { RunKey = RunKey(spec, plan, method is null ? null : memory.OptionsJson(method)) };
        if (settings.Overwrite)
        {
            await workspace.DeleteCheckpointsAsync(spec.RunKey, cancellationToken).ConfigureAwait(false);
        }

        return await tracks.RunAsync(spec, data, tests, timeline, context.Progress, cancellationToken).ConfigureAwait(false);
    }

    private static TrainingOptions Training(EvaluationOptions reference, int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = reference.BatchSize,
        LearningRate = reference.LearningRate,
        Momentum = reference.Momentum,
        WeightDecay = reference.WeightDecay,
        Augmentation = reference.Augmentation,
    };

    /// <summary>Everything that decides a track's numbers; a changed setting gives a new key and a fresh track.</summary>
    private static string RunKey(TrackSpec spec, ContinualPlan plan, string? methodOptions)
    {
        var training = spec.TrainingFor;
        string[] parts =
        [
            plan.Dataset,
            plan.Architecture,
            string.Create(CultureInfo.InvariantCulture, $"seed={plan.Seed} steps={plan.Steps} memory={plan.MemoryPerClass}"),
            Memory.MemoryBufferSettings.Describe(spec.Split.Steps),
            $"learner={spec.Learner}",
            $"memory={spec.MemoryMethod ?? "-"}",
            spec.MemoryMethod is null ? "-" : plan.BufferFor(spec.MemoryMethod, spec.Split.Order),
            methodOptions ?? "-",
            JsonSerializer.Serialize(training),
        ];
        return RunKeys.For("continual", parts);
    }
}
