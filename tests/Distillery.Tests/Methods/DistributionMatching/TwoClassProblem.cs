using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>
/// Two classes of 1×8×8 images: a fixed random prototype per class plus heavy pixel noise, so that a single real image
/// is a poor stand-in for its class while the class mean is a good one. Train and test come from the same prototypes.
/// </summary>
internal static class TwoClassProblem
{
    public const int Side = 8;
    public const float Noise = 2.5f;

    public static DatasetInfo Info { get; } = new("two-class", 1, Side, Side, ["a", "b"], [0f], [1f]);

    public static DatasetSplits Create(int trainCount = 200, int testCount = 400, long seed = 11)
    {
        using var generator = new Generator((ulong)seed);
        using var prototypes = torch.randn([2, 1, Side, Side], generator: generator);
        return new DatasetSplits(Info, Sample(prototypes, trainCount, generator), Sample(prototypes, testCount, generator));
    }

    /// <summary>
    /// The accuracy on <paramref name="test"/> of the nearest-class-mean classifier whose class means are the means of
    /// the synthetic images of each class.
    /// </summary>
    public static double NearestMeanAccuracy(Tensor images, Tensor labels, LabeledImages test)
    {
        using var scope = torch.NewDisposeScope();
        var flat = images.detach().flatten(1);
        var means = torch.stack(Enumerable.Range(0, 2).Select(c => flat.index_select(0, labels.eq(c).nonzero().squeeze(1)).mean([0])));
        var distances = torch.cdist(test.Images.flatten(1), means);
        return distances.argmin(1).eq(test.Labels).to_type(ScalarType.Float64).mean().item<double>();
    }

    private static LabeledImages Sample(Tensor prototypes, int count, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var labels = torch.arange(count, dtype: ScalarType.Int64) % 2;
        var images = prototypes.index_select(0, labels) + Noise * torch.randn([count, 1, Side, Side], generator: generator);
        return new LabeledImages(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), 2);
    }
}
