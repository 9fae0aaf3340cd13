using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.DistributionMatching;

/// <summary>
/// A batch laid out class after class: <see cref="Counts"/>[c] consecutive rows of class c. Gives the per-class mean
/// of anything computed row by row with one index-add, so all classes share one forward pass.
/// </summary>
internal sealed class ClassSegments : IDisposable
{
    private readonly Tensor _ids;
    private readonly Tensor _counts;

    public ClassSegments(IReadOnlyList<long> counts, Device device)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0 || counts.Any(c => c <= 0))
        {
            throw new ArgumentException("Every class needs at least one row.", nameof(counts));
        }

        Counts = counts;
        var ids = counts.SelectMany((count, label) => Enumerable.Repeat((long)label, checked((int)count))).ToArray();
        _ids = torch.tensor(ids, device: device);
        _counts = torch.tensor(counts.Select(c => (float)c).ToArray(), device: device).unsqueeze(1);
    }

    public IReadOnlyList<long> Counts { get; }

    public int Classes => Counts.Count;

    public long Rows => _ids.shape[0];

    /// <summary>The mean over each class's rows of <c>[Rows, D]</c> values: <c>[Classes, D]</c>, differentiable.</summary>
    public Tensor Means(Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.dim() != 2 || values.shape[0] != Rows)
        {
            throw new ArgumentException($"Expected [{Rows}, D] values; got [{string.Join(", ", values.shape)}].", nameof(values));
        }

        using var zeros = torch.zeros([Classes, values.shape[1]], dtype: values.dtype, device: values.device);
        using var sums = zeros.index_add(0, _ids, values, 1);
        return sums / _counts;
    }

    public void Dispose()
    {
        _ids.Dispose();
        _counts.Dispose();
    }
}
