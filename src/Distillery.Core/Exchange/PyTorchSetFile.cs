using Distillery.Methods;

namespace Distillery.Exchange;

/// <summary>
/// Moves synthetic sets to and from PyTorch: a <c>.pt</c> file that <c>torch.load</c> reads as a dict with
/// <c>images</c> [N,C,H,W] float32, <c>labels</c> [N] int64, and optionally <c>soft_labels</c>, <c>lr</c>,
/// and <c>provenance</c> (a JSON string).
/// </summary>
public static class PyTorchSetFile
{
    public static void Export(SyntheticSet set, string path) => throw new NotImplementedException();

    /// <summary>Reads a set; a file that is not such a dict throws a <see cref="UserErrorException"/> saying what is missing.</summary>
    public static SyntheticSet Import(string path, SetProvenance fallbackProvenance) => throw new NotImplementedException();
}
