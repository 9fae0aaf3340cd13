using Distillery.Data;
using Distillery.Scenarios.Continual.Memory;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual;

/// <summary>The memory of one (method, class order), step by step, ready to train on. Owns the memory.</summary>
internal sealed class MemoryTimeline(string method, string buffer, IReadOnlyList<IReadOnlyList<MemoryClass>> steps) : IDisposable
{
    public string Method { get; } = method;

    public string Buffer { get; } = buffer;

    public IReadOnlyList<IReadOnlyList<MemoryClass>> Steps { get; } = steps;

    /// <summary>
    /// The memory of steps <paramref name="first"/>..<paramref name="last"/> as one training set with the dataset's
    /// labels, on <paramref name="device"/>; empty (null) when the range is.
    /// </summary>
    public LabeledImages? Range(int first, int last, int numClasses, Device device)
    {
        var classes = Steps.Skip(first).Take(Math.Max(0, last - first + 1)).SelectMany(s => s).ToList();
        if (classes.Count == 0)
        {
            return null;
        }

        using var scope = torch.NewDisposeScope();
        var images = torch.cat(classes.Select(c => c.Images.to(device)).ToList(), 0);
        var labels = torch.cat(classes.Select(c => torch.full(c.Images.shape[0], c.Label, ScalarType.Int64, device: device)).ToList(), 0);
        return new LabeledImages(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), numClasses);
    }

    public void Dispose()
    {
        foreach (var memory in Steps.SelectMany(s => s))
        {
            memory.Dispose();
        }
    }
}
