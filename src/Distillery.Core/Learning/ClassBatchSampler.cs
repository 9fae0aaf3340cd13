using Distillery.Data;
using Distillery.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Learning;

/// <summary>
/// Draws random real images class by class. A draw from one class takes one permutation of that class's images from
/// the generator and keeps its first images, so within a draw no image repeats, and a class with fewer images than
/// asked gives all of them in random order. The same generator state gives the same images.
/// </summary>
public sealed class ClassBatchSampler : IDisposable
{
    private readonly LabeledImages _train;
    private readonly Tensor[] _rows;

    public ClassBatchSampler(LabeledImages train)
    {
        ArgumentNullException.ThrowIfNull(train);
        _train = train;
        _rows = Enumerable.Range(0, train.NumClasses)
            .Select(label => torch.tensor(train.IndicesOf(label).ToArray(), device: train.Images.device))
            .ToArray();
    }

    public int NumClasses => _rows.Length;

    /// <summary>
    /// How many images of each class a draw of <paramref name="batchPerClass"/> per class gives: the batch size, or the
    /// whole class when it has fewer.
    /// </summary>
    /// <exception cref="UserErrorException">A class has no training images.</exception>
    public long[] CountsPerClass(int batchPerClass)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchPerClass);
        return Enumerable.Range(0, NumClasses).Select(label => Math.Min(batchPerClass, Available(label))).ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> random images of class <paramref name="label"/>, or all of them in random order when
    /// the class has fewer.
    /// </summary>
    /// <exception cref="UserErrorException">The class has no training images.</exception>
    public Tensor Draw(int label, int count, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var rows = Rows(label, count, generator);
        return _train.Images.index_select(0, rows).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One batch of every class, laid out class after class: <paramref name="counts"/>[c] random images of class c
    /// (see <see cref="CountsPerClass"/>). Draws the classes in order from the generator, as <see cref="Draw"/> would
    /// one after the other.
    /// </summary>
    public Tensor DrawEveryClass(IReadOnlyList<long> counts, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != NumClasses)
        {
            throw new ArgumentException($"Expected a count for each of the {NumClasses} classes; got {counts.Count}.", nameof(counts));
        }

        using var scope = torch.NewDisposeScope();
        var rows = Enumerable.Range(0, NumClasses).Select(label => Rows(label, counts[label], generator)).ToList();
        return _train.Images.index_select(0, torch.cat(rows, 0)).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var rows in _rows)
        {
            rows.Dispose();
        }
    }

    private long Available(int label)
    {
        var available = _rows[label].shape[0];
        if (available == 0)
        {
            throw new UserErrorException($"Class {label} has no training images; the method draws real images of every class.");
        }

        return available;
    }

    private Tensor Rows(int label, long count, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var available = Available(label);
        var order = DeviceDraws.Permutation(available, generator, _train.Images.device).narrow(0, 0, Math.Min(count, available));
        return _rows[label].index_select(0, order);
    }
}
