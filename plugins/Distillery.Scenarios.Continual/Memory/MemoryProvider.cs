using Distillery.Components;
using Distillery.Data;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Randomness;
using Distillery.Runs;
using Distillery.Scenarios.Continual.Memory;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// Gives the memory of one (method, class order) for every step: steps already in the buffer are loaded, the others
/// are made by the method and stored, one transaction per step, so a run that stops loses at most the step it was
/// making. With <see cref="ContinualPlan.ReuseMemory"/> nothing is made: every step must be stored.
/// </summary>
internal sealed class MemoryProvider(
    IComponentCatalog catalog,
    IMemoryBufferStore buffers,
    IDistillationRunner runner)
{
    /// <summary>The method's options object as JSON, defaults included.</summary>
    public string OptionsJson(string method) =>
        Runs.OptionsJson.Serialize(catalog.ResolveWithOptions<IDistillationMethod>(method).Options);

    public MemoryBufferSettings Settings(ContinualPlan plan, string method, IncrementalSplit split) => new()
    {
        Dataset = plan.Dataset,
        Method = method,
        MethodOptionsJson = OptionsJson(method),
        Architecture = plan.Architecture,
        MemoryPerClass = plan.MemoryPerClass,
        Seed = plan.Seed,
        Steps = split.Steps,
    };

    public async Task<(MemoryTimeline Memory, MemoryOutcome Outcome)> PrepareAsync(
        ContinualPlan plan, string method, IncrementalSplit split, DatasetSplits data, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var name = plan.BufferFor(method, split.Order);
        var settings = Settings(plan, method, split);
        var steps = new List<IReadOnlyList<MemoryClass>>();
        try
        {
            if (plan.ReuseMemory)
            {
                await CheckReusableAsync(name, settings, cancellationToken).ConfigureAwait(false);
                for (var step = 0; step < split.StepCount; step++)
                {
                    steps.Add(await buffers.LoadStepAsync(name, step, cancellationToken).ConfigureAwait(false));
                }

                return (new MemoryTimeline(method, name, steps), new MemoryOutcome(method, split.Order, name, 0, split.StepCount, 0));
            }

            var distilled = 0;
            var seconds = 0.0;
            await using var writer = await buffers.OpenWriterAsync(name, settings, plan.Overwrite, cancellationToken).ConfigureAwait(false);
            using var task = progress.Start($"memory: {method}, order {split.Order}", split.StepCount);
            for (var step = 0; step < split.StepCount; step++)
            {
                if (writer.Info.Steps.Contains(step))
                {
                    steps.Add(await buffers.LoadStepAsync(name, step, cancellationToken).ConfigureAwait(false));
                    task.Advance();
                    continue;
                }

                task.Describe($"memory: {method}, order {split.Order}, step {step + 1}/{split.StepCount}");
                var request = new MemoryStepRequest(
                    method, settings.MethodOptionsJson, step, split.Steps[step], plan.MemoryPerClass, plan.Architecture,
                    SeedSequence.Derive(plan.Seed, $"memory/order {split.Order}/step {step}"));
                var memory = await MemoryBuilder.BuildAsync(runner, request, data, progress, cancellationToken).ConfigureAwait(false);
                steps.Add(memory);
                await writer.SaveStepAsync(step, memory, cancellationToken).ConfigureAwait(false);
                seconds += memory.Count > 0 ? memory[0].Provenance.DurationSeconds : 0;
                distilled++;
                task.Advance();
            }

            return (new MemoryTimeline(method, name, steps), new MemoryOutcome(method, split.Order, name, distilled, split.StepCount - distilled, seconds));
        }
        catch
        {
            foreach (var memory in steps.SelectMany(s => s))
            {
                memory.Dispose();
            }

            throw;
        }
    }

    private async Task CheckReusableAsync(string name, MemoryBufferSettings settings, CancellationToken cancellationToken)
    {
        var info = await buffers.FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new UserErrorException(
                $"ReuseMemory is on but there is no memory buffer '{name}' in the workspace. Run once without ReuseMemory to make it, or set BufferName.");
        if (info.Settings is null)
        {
            throw new UserErrorException(info.Damage ?? $"the memory buffer '{name}' is damaged.");
        }

        var differences = info.Settings.DifferencesFrom(settings, layoutOnly: true);
        if (differences.Count > 0)
        {
            throw new UserErrorException(
                $"the memory buffer '{name}' does not fit this run: {string.Join("; ", differences)}. Use the settings it was made with, or another BufferName.");
        }

        if (!info.IsComplete)
        {
            var missing = Enumerable.Range(0, settings.Steps.Count).Except(info.Steps);
            throw new UserErrorException(
                $"ReuseMemory is on but the memory buffer '{name}' lacks steps {string.Join(", ", missing)}. Run without ReuseMemory to finish it.");
        }
    }
}
