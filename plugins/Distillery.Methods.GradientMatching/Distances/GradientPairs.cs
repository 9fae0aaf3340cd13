using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Distances;

internal static class GradientPairs
{
    public static void Check(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(real);
        if (synthetic.Count != real.Count || real.Count == 0)
        {
            throw new ArgumentException($"Both gradients need the same, non-zero number of parameters; got {synthetic.Count} and {real.Count}.");
        }

        for (var i = 0; i < real.Count; i++)
        {
            if (!synthetic[i].shape.SequenceEqual(real[i].shape))
            {
                throw new ArgumentException(
                    $"Parameter {i} has shape [{string.Join(", ", synthetic[i].shape)}] on one side and [{string.Join(", ", real[i].shape)}] on the other.");
            }
        }
    }

    public static (Tensor Synthetic, Tensor Real) Flatten(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real) =>
        (torch.cat(synthetic.Select(g => g.reshape(-1)).ToList(), 0), torch.cat(real.Select(g => g.reshape(-1)).ToList(), 0));
}
