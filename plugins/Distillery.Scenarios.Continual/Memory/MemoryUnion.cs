using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// Several classes' memory as one set of tensors, in order: their images, their hard labels and, when any of them
/// learned soft labels, soft labels for all (the others' one-hot labels in their place).
/// </summary>
internal static class MemoryUnion
{
    /// <summary>The tensors on <paramref name="device"/> (where the memory is, when none is given), outside any dispose scope.</summary>
    public static (Tensor Images, Tensor Labels, Tensor? SoftLabels) Concat(IReadOnlyList<MemoryClass> classes, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            throw new ArgumentException("There is no memory to join.", nameof(classes));
        }

        using var scope = torch.NewDisposeScope();
        var place = device ?? classes[0].Images.device;
        var images = torch.cat(classes.Select(c => c.Images.to(place)).ToList(), 0);
        var labels = torch.cat(classes.Select(c => HardLabels(c, place)).ToList(), 0);
        var width = classes.FirstOrDefault(c => c.SoftLabels is not null)?.SoftLabels!.shape[1];
        var softLabels = width is { } numClasses
            ? torch.cat(classes.Select(c => c.SoftLabels?.to(ScalarType.Float32).to(place) ?? nn.functional.one_hot(HardLabels(c, place), numClasses).to(ScalarType.Float32)).ToList(), 0)
            : null;
        return (images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), softLabels?.MoveToOuterDisposeScope());
    }

    private static Tensor HardLabels(MemoryClass memory, Device device) =>
        torch.full(memory.Images.shape[0], memory.Label, ScalarType.Int64, device: device);
}
