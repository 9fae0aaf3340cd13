using Distillery.Data;
using TorchSharp;

namespace Distillery.Scenarios.Continual;

/// <summary>The images of some classes, cut out of a split.</summary>
internal static class ClassSubset
{
    /// <summary>
    /// The images of <paramref name="classes"/>, class by class, keeping the dataset's labels and class count
    /// (a network with one output per dataset class trains and tests on it).
    /// </summary>
    public static LabeledImages Select(LabeledImages data, IReadOnlyList<int> classes)
    {
        using var rows = RowsTensor(data, classes);
        return data.Select(rows);
    }

    /// <summary>
    /// The images of <paramref name="classes"/> relabelled <c>0..k-1</c> in the order given, with a class count of
    /// <c>k</c>: what a method sees when it distills one step. <paramref name="rows"/> are their rows in <paramref name="data"/>.
    /// </summary>
    public static LabeledImages SelectRelabelled(LabeledImages data, IReadOnlyList<int> classes, out long[] rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        rows = Rows(data, classes);
        using var scope = torch.NewDisposeScope();
        var indices = torch.tensor(rows, device: data.Images.device);
        var local = classes.SelectMany((c, i) => Enumerable.Repeat((long)i, data.CountOf(c))).ToArray();
        var images = data.Images.index_select(0, indices).MoveToOuterDisposeScope();
        var labels = torch.tensor(local, device: data.Labels.device).MoveToOuterDisposeScope();
        return new LabeledImages(images, labels, classes.Count);
    }

    /// <summary>The dataset's description narrowed to <paramref name="classes"/>, in that order.</summary>
    public static DatasetInfo Describe(DatasetInfo info, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info with { ClassNames = classes.Select(c => info.ClassNames[c]).ToArray() };
    }

    private static long[] Rows(LabeledImages data, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0 || classes.Any(c => c < 0 || c >= data.NumClasses) || classes.Distinct().Count() != classes.Count)
        {
            throw new ArgumentException($"Classes must be distinct labels in 0..{data.NumClasses - 1}.", nameof(classes));
        }

        return classes.SelectMany(data.IndicesOf).ToArray();
    }

    private static torch.Tensor RowsTensor(LabeledImages data, IReadOnlyList<int> classes) =>
        torch.tensor(Rows(data, classes), device: data.Images.device);
}
