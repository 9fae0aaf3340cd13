using Distillery.Data;
using TorchSharp;

namespace Distillery.Benchmarks;

/// <summary>Normal-noise 1×28×28 images with balanced labels: the shapes of Fashion-MNIST, none of its content.</summary>
internal static class GeneratedData
{
    public const int Classes = 10;

    public static DatasetInfo Info { get; } = new(
        "generated", 1, 28, 28, Enumerable.Range(0, Classes).Select(i => $"class {i}").ToArray(), [0f], [1f]);

    public static LabeledImages Create(int count, ulong seed)
    {
        using var generator = new torch.Generator(seed);
        var images = torch.randn([count, 1, 28, 28], generator: generator);
        var labels = torch.arange(count, dtype: torch.ScalarType.Int64) % Classes;
        return new LabeledImages(images, labels, Classes);
    }
}
