using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Training;

/// <summary>
/// A generated, linearly separable classification problem: each class is a random 1×4×4 prototype with a little
/// noise. Train and test splits come from the same prototypes.
/// </summary>
internal static class SeparableProblem
{
    public const int Classes = 3;
    public const int Side = 4;

    public static DatasetInfo Info { get; } = new(
        "separable", 1, Side, Side, ["a", "b", "c"], [0f], [1f]);

    public static DatasetSplits Create(int trainCount = 240, int testCount = 150, long seed = 7)
    {
        using var generator = new Generator((ulong)seed);
        using var prototypes = torch.randn([Classes, 1, Side, Side], generator: generator) * 2;
        return new DatasetSplits(Info, Sample(prototypes, trainCount, generator), Sample(prototypes, testCount, generator));
    }

    private static LabeledImages Sample(Tensor prototypes, int count, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var labels = torch.arange(count, dtype: ScalarType.Int64) % Classes;
        var images = prototypes.index_select(0, labels) + 0.3 * torch.randn([count, 1, Side, Side], generator: generator);
        return new LabeledImages(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), Classes);
    }
}
