using Distillery.Methods;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// The memory of one class made at one step: its images <c>[n, C, H, W]</c> (normalized, as the method returned them),
/// the soft labels the method learned for them, if it learned any, and where they came from. Owns its tensors.
/// </summary>
internal sealed class MemoryClass(int step, int label, Tensor images, SetProvenance provenance, Tensor? softLabels = null) : IDisposable
{
    public int Step { get; } = step;

    /// <summary>The class, in the dataset's own labels.</summary>
    public int Label { get; } = label;

    public Tensor Images { get; } = images;

    /// <summary>Class probabilities <c>[n, dataset classes]</c> over the dataset's own labels, when the method learned them.</summary>
    public Tensor? SoftLabels { get; } = softLabels;

    /// <summary>Method, options, seed and source dataset; <see cref="SetProvenance.SourceIndices"/> are rows of the full training split.</summary>
    public SetProvenance Provenance { get; } = provenance;

    public void Dispose()
    {
        Images.Dispose();
        SoftLabels?.Dispose();
    }
}
