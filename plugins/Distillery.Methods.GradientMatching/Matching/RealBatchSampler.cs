using Distillery.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>Draws random real images of one class (without replacement within a draw) from a generator.</summary>
public sealed class RealBatchSampler : IDisposable
{
    private readonly LabeledImages _train;
    private readonly Tensor[] _rows;

    public RealBatchSampler(LabeledImages train)
    {
        ArgumentNullException.ThrowIfNull(train);
        _train = train;
        _rows = Enumerable.Range(0, train.NumClasses)
            .Select(label => torch.tensor(train.IndicesOf(label).ToArray(), device: train.Images.device))
            .ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> random images of class <paramref name="label"/>, or all of them in random order when
    /// the class has fewer.
    /// </summary>
    public Tensor Draw(int label, int count, Generator generator)
    {
        var available = _rows[label].shape[0];
        if (available == 0)
        {
            throw new UserErrorException($"Class {label} has no training images; gradient matching needs real images of every class.");
        }

        using var scope = torch.NewDisposeScope();
        var order = torch.randperm(available, generator: generator).narrow(0, 0, Math.Min(count, available)).to(_train.Images.device);
        return _train.Images.index_select(0, _rows[label].index_select(0, order)).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var rows in _rows)
        {
            rows.Dispose();
        }
    }
}
