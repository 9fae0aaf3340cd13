using Distillery.Data;
using Distillery.Scenarios.Continual.Memory;
using Distillery.Training;
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
    /// labels, on <paramref name="device"/>; empty (null) when the range is. When some of it has soft labels the set
    /// trains on soft labels, the rest's being its one-hot labels.
    /// </summary>
    public TrainingSet? Range(int first, int last, int numClasses, Device device)
    {
        var classes = Steps.Skip(first).Take(Math.Max(0, last - first + 1)).SelectMany(s => s).ToList();
        if (classes.Count == 0)
        {
            return null;
        }

        var (images, labels, softLabels) = MemoryUnion.Concat(classes, device);
        return new TrainingSet(images, labels, numClasses, softLabels);
    }

    public void Dispose()
    {
        foreach (var memory in Steps.SelectMany(s => s))
        {
            memory.Dispose();
        }
    }
}
