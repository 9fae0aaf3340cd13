using Distillery.Storage;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

internal static class TensorAssert
{
    /// <summary>Same element type, shape and bytes (so NaN payloads and the sign of zero count).</summary>
    public static void BitEqual(Tensor expected, Tensor actual)
    {
        var want = TensorCodec.Encode(expected);
        var got = TensorCodec.Encode(actual);
        Assert.Equal(want.DType, got.DType);
        Assert.Equal(want.Shape, got.Shape);
        Assert.Equal(want.Bytes, got.Bytes);
    }
}
