using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Distances;

/// <summary>
/// The distance of the gradient-matching paper (<c>wb</c>): for each parameter, one row per output channel or unit
/// (a convolution weight <c>[out, in, kh, kw]</c> becomes <c>[out, in·kh·kw]</c>, a three-dimensional weight
/// <c>[c, h, w]</c> becomes <c>[c, h·w]</c>, a linear weight <c>[out, in]</c> stays), and the sum over the rows of
/// 1 − cosine similarity, summed over the parameters. One-dimensional parameters — biases and normalization scales
/// and shifts — add nothing.
/// </summary>
internal sealed class LayerwiseCosineDistance : IGradientDistance
{
    /// <summary>Added to the product of the norms, as in the reference, so that a zero gradient does not divide by zero.</summary>
    public const double Epsilon = 1e-6;

    public Tensor Measure(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real)
    {
        GradientPairs.Check(synthetic, real);
        Tensor? total = null;
        for (var i = 0; i < real.Count; i++)
        {
            if (real[i].dim() <= 1)
            {
                continue;
            }

            var term = Rows(synthetic[i], real[i]);
            total = total is null ? term : total + term;
        }

        return total ?? torch.tensor(0f, device: real[0].device);
    }

    private static Tensor Rows(Tensor synthetic, Tensor real)
    {
        var rows = real.shape[0];
        var s = synthetic.reshape(rows, -1);
        var r = real.reshape(rows, -1);
        var cosine = (s * r).sum(-1) / (s.norm(-1) * r.norm(-1) + Epsilon);
        return (1 - cosine).sum();
    }
}
