using Distillery.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Storage;

public sealed class TensorCodecTests
{
    [Fact]
    public void Float32RoundTripKeepsNaNPayloadsAndNegativeZero()
    {
        float[] values = [BitConverter.Int32BitsToSingle(0x7FC00123), -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, 1.5f];
        using var tensor = torch.tensor(values).reshape(1, 7);

        var encoded = TensorCodec.Encode(tensor);
        using var decoded = TensorCodec.Decode(encoded);

        Assert.Equal("float32", encoded.DType);
        Assert.Equal([1L, 7L], encoded.Shape);
        Assert.Equal(7 * 4, encoded.Bytes.Length);
        var bits = decoded.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits);
        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), bits);
    }

    [Fact]
    public void Int64AndScalarRoundTrip()
    {
        using var labels = torch.tensor(new[] { long.MinValue, -1L, 0L, long.MaxValue });
        using var scalar = torch.tensor(0.125);

        using var labelsBack = TensorCodec.Decode(TensorCodec.Encode(labels));
        using var scalarBack = TensorCodec.Decode(TensorCodec.Encode(scalar));

        Assert.Equal(new[] { long.MinValue, -1L, 0L, long.MaxValue }, labelsBack.data<long>().ToArray());
        Assert.Equal(ScalarType.Float64, scalarBack.dtype);
        Assert.Empty(scalarBack.shape);
        Assert.Equal(0.125, scalarBack.item<double>());
    }

    [Fact]
    public void EncodesANonContiguousViewAsItsElementsInOrder()
    {
        using var matrix = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var transposed = matrix.t();

        using var back = TensorCodec.Decode(TensorCodec.Encode(transposed));

        Assert.Equal(new[] { 0f, 3f, 1f, 4f, 2f, 5f }, back.data<float>().ToArray());
    }

    [Fact]
    public void DecodeRejectsBytesThatDoNotFitTheShape()
    {
        var encoded = new EncodedTensor("float32", [2, 2], new byte[12]);

        Assert.Throws<InvalidDataException>(() => TensorCodec.Decode(encoded));
    }
}
