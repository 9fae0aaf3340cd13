using Distillery.Methods;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// The memory of one class made at one step: its images <c>[n, C, H, W]</c> (normalized, as the method returned them)
/// and where they came from. Owns the images.
/// </summary>
internal sealed class MemoryClass(int step, int label, Tensor images, SetProvenance provenance) : IDisposable
{
    public int Step { get; } = step;

    /// <summary>The class, in the dataset's own labels.</summary>
    public int Label { get; } = label;

    public Tensor Images { get; } = images;

    /// <summary>Method, options, seed and source dataset; <see cref="SetProvenance.SourceIndices"/> are rows of the full training split.</summary>
    public SetProvenance Provenance { get; } = provenance;

    public void Dispose() => Images.Dispose();
}
