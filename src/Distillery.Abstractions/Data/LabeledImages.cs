using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Data;

/// <summary>
/// Images <c>[N, C, H, W]</c> (float32) with their class labels <c>[N]</c> (int64), and per-class access.
/// Owns both tensors.
/// </summary>
public sealed class LabeledImages : IDisposable
{
    private readonly Lazy<long[][]> _classIndices;

    public LabeledImages(Tensor images, Tensor labels, int numClasses)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Images must be [N, C, H, W]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException($"Labels must be [N] with N = {images.shape[0]}; got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        Images = images;
        Labels = labels.dtype == ScalarType.Int64 ? labels : labels.to_type(ScalarType.Int64);
        NumClasses = numClasses;
        _classIndices = new Lazy<long[][]>(BuildClassIndices);
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public int NumClasses { get; }

    public long Count => Images.shape[0];

    /// <summary>The row indices of every image of class <paramref name="label"/>, ascending.</summary>
    public IReadOnlyList<long> IndicesOf(int label) => _classIndices.Value[label];

    public int CountOf(int label) => _classIndices.Value[label].Length;

    /// <summary>All images of one class, as a new tensor.</summary>
    public Tensor ImagesOf(int label)
    {
        using var rows = torch.tensor(_classIndices.Value[label], device: Images.device);
        return Images.index_select(0, rows);
    }

    /// <summary>A new set made of the given rows.</summary>
    public LabeledImages Select(Tensor indices)
    {
        using var scope = torch.NewDisposeScope();
        var images = Images.index_select(0, indices).MoveToOuterDisposeScope();
        var labels = Labels.index_select(0, indices).MoveToOuterDisposeScope();
        return new LabeledImages(images, labels, NumClasses);
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }

    private long[][] BuildClassIndices()
    {
        var labels = Labels.cpu().data<long>().ToArray();
        var lists = Enumerable.Range(0, NumClasses).Select(_ => new List<long>()).ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label < 0 || label >= NumClasses)
            {
                throw new InvalidDataException($"Label {label} at row {i} is outside 0..{NumClasses - 1}.");
            }

            lists[label].Add(i);
        }

        return lists.Select(l => l.ToArray()).ToArray();
    }
}
