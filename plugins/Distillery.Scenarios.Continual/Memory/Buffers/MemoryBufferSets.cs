using Distillery.Methods;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// A buffer's stored memory gathered into one synthetic set (all stored steps, class by class, with soft labels when
/// some of it learned them), to draw or export.
/// </summary>
internal static class MemoryBufferSets
{
    public static async Task<SyntheticSet> LoadAsync(IMemoryBufferStore store, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var info = await store.FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new UserErrorException($"No memory buffer named '{name}' in the workspace (see 'distillery memory list').");
        if (info.Settings is null || info.Steps.Count == 0)
        {
            throw new UserErrorException(info.Damage ?? $"The memory buffer '{name}' holds no finished step yet.");
        }

        var classes = new List<MemoryClass>();
        try
        {
            foreach (var step in info.Steps)
            {
                classes.AddRange(await store.LoadStepAsync(name, step, cancellationToken).ConfigureAwait(false));
            }

            var (images, labels, softLabels) = MemoryUnion.Concat(classes);
            var first = classes[0].Provenance;
            var provenance = first with
            {
                SourceIndices = classes.All(c => c.Provenance.SourceIndices is not null)
                    ? classes.SelectMany(c => c.Provenance.SourceIndices!).ToArray()
                    : null,
            };
            return new SyntheticSet(images, labels, provenance) { SoftLabels = softLabels };
        }
        finally
        {
            classes.ForEach(c => c.Dispose());
        }
    }
}
