using Distillery.Data;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Runs;
using Distillery.Scenarios.Continual.Memory;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// Turns one step's classes into memory with a method, through the engine's runner (the method's options, checkpoints,
/// run record and provenance are the runner's). The method sees only those classes, relabelled <c>0..k-1</c> with a
/// matching <see cref="DatasetInfo"/>, so any method works unchanged; its set is cut back into one memory per class with
/// the dataset's labels (soft labels too, when the method learned them), and coreset rows are mapped back to rows of the
/// full split.
/// </summary>
internal static class MemoryBuilder
{
    public static async Task<List<MemoryClass>> BuildAsync(
        IDistillationRunner runner,
        MemoryStepRequest step,
        DatasetSplits data,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(data);
        long[] rows;
        using var subset = new DatasetSplits(
            ClassSubset.Describe(data.Info, step.Classes),
            ClassSubset.SelectRelabelled(data.Train, step.Classes, out rows),
            ClassSubset.SelectRelabelled(data.Test, step.Classes, out _));
        var job = new DistillationJob
        {
            Method = step.Method,
            Dataset = data.Info.Name,
            ImagesPerClass = step.MemoryPerClass,
            Architecture = step.Architecture,
            Seed = step.Seed,
        };
        using var distilled = await runner.DistillAsync(job, subset, progress, cancellationToken).ConfigureAwait(false);
        using var set = Decoded(distilled);
        return Split(set, step, rows, set.Provenance.DurationSeconds, data.Info);
    }

    /// <summary>
    /// The images replay trains on: a multi-formation set's decoded images (k² per stored image, each with its stored
    /// image's label and soft labels, the provenance saying so), or the set's own images. Coreset rows do not survive a
    /// decoding.
    /// </summary>
    private static SyntheticSet Decoded(SyntheticSet set)
    {
        var formation = set.Formation;
        using var scope = torch.NewDisposeScope();
        var images = formation.Decode(set.Images.detach()).MoveToOuterDisposeScope();
        var labels = formation.DecodeLabels(set.Labels).MoveToOuterDisposeScope();
        var softLabels = set.SoftLabels is { } soft ? formation.DecodeLabels(soft.detach()).MoveToOuterDisposeScope() : null;
        var provenance = formation.IsNone ? set.Provenance : set.Provenance with { DecodedFromFactor = formation.Factor, SourceIndices = null };
        return new SyntheticSet(images, labels, provenance) { SoftLabels = softLabels };
    }

    /// <summary>
    /// Soft labels over the step's <c>k</c> classes (the method's <c>0..k-1</c>) as probabilities over all the dataset's
    /// classes: each column moved to its class's label, zero for the classes the step does not hold.
    /// </summary>
    private static Tensor InDatasetClasses(Tensor stepSoftLabels, IReadOnlyList<int> classes, int numClasses)
    {
        var columns = torch.tensor(classes.Select(c => (long)c).ToArray(), device: stepSoftLabels.device);
        return torch.zeros([stepSoftLabels.shape[0], numClasses], stepSoftLabels.dtype, stepSoftLabels.device)
            .index_copy_(1, columns, stepSoftLabels);
    }

    private static List<MemoryClass> Split(SyntheticSet set, MemoryStepRequest step, long[] rows, double seconds, DatasetInfo dataset)
    {
        var labels = set.Labels.cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        var sources = set.Provenance.SourceIndices is { } indices && indices.Count == labels.Length ? indices : null;
        var memory = new List<MemoryClass>(step.Classes.Count);
        try
        {
            for (var local = 0; local < step.Classes.Count; local++)
            {
                var positions = Enumerable.Range(0, labels.Length).Where(i => labels[i] == local).Select(i => (long)i).ToArray();
                if (positions.Length == 0)
                {
                    throw new InvalidOperationException(
                        $"The memory method '{step.Method}' returned no image of class {step.Classes[local]} at step {step.Step}.");
                }

                using var scope = torch.NewDisposeScope();
                var selected = torch.tensor(positions, device: set.Images.device);
                var images = set.Images.detach().index_select(0, selected).cpu().clone();
                var softLabels = set.SoftLabels is { } soft
                    ? InDatasetClasses(soft.detach().index_select(0, selected.to(soft.device)), step.Classes, dataset.NumClasses).cpu().MoveToOuterDisposeScope()
                    : null;
                var provenance = set.Provenance with
                {
                    Method = step.Method,
                    Dataset = dataset.Name,
                    ImagesPerClass = step.MemoryPerClass,
                    Architecture = step.Architecture,
                    OptionsJson = step.MethodOptionsJson,
                    Seed = step.Seed,
                    DurationSeconds = seconds,
                    SourceIndices = sources is null ? null : positions.Select(p => rows[sources[(int)p]]).ToArray(),
                };
                memory.Add(new MemoryClass(step.Step, step.Classes[local], images.MoveToOuterDisposeScope(), provenance, softLabels));
            }

            return memory;
        }
        catch
        {
            memory.ForEach(m => m.Dispose());
            throw;
        }
    }
}
