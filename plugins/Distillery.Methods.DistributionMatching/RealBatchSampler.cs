using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// Draws, for every class, a random batch of its real images without replacement (the whole class when it has fewer
/// than the batch size), laid out class after class. The segments are the same for every draw.
/// </summary>
public sealed class RealBatchSampler : IDisposable
{
    private readonly LabeledImages _train;
    private readonly Tensor[] _classRows;

    public RealBatchSampler(LabeledImages train, int batchPerClass)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchPerClass);
        _train = train;
        var counts = new long[train.NumClasses];
        _classRows = new Tensor[train.NumClasses];
        for (var label = 0; label < train.NumClasses; label++)
        {
            if (train.CountOf(label) == 0)
            {
                throw new UserErrorException($"Class {label} has no training images; distribution matching needs real images of every class.");
            }

            _classRows[label] = torch.tensor(train.IndicesOf(label).ToArray());
            counts[label] = Math.Min(batchPerClass, train.CountOf(label));
        }

        Segments = new ClassSegments(counts, train.Images.device);
    }

    /// <summary>How many rows of each class a batch holds.</summary>
    public ClassSegments Segments { get; }

    /// <summary>A new batch <c>[Segments.Rows, C, H, W]</c> drawn with <paramref name="generator"/>.</summary>
    public Tensor Sample(Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var rows = new Tensor[_classRows.Length];
        for (var label = 0; label < _classRows.Length; label++)
        {
            var order = torch.randperm(_classRows[label].shape[0], generator: generator);
            rows[label] = _classRows[label].index_select(0, order.narrow(0, 0, Segments.Counts[label]));
        }

        var all = torch.cat(rows, 0).to(_train.Images.device);
        return _train.Images.index_select(0, all).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var rows in _classRows)
        {
            rows.Dispose();
        }

        Segments.Dispose();
    }
}
