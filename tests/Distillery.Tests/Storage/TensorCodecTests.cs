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

        encoded.DType.Should().Be("float32");
        encoded.Shape.Should().Equal([1L, 7L]);
        encoded.Bytes.Length.Should().Be(7 * 4);
        var bits = decoded.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits);
        bits.Should().Equal(values.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Int64AndScalarRoundTrip()
    {
        using var labels = torch.tensor(new[] { long.MinValue, -1L, 0L, long.MaxValue });
        using var scalar = torch.tensor(0.125);

        using var labelsBack = TensorCodec.Decode(TensorCodec.Encode(labels));
        using var scalarBack = TensorCodec.Decode(TensorCodec.Encode(scalar));

        labelsBack.data<long>().ToArray().Should().Equal(new[] { long.MinValue, -1L, 0L, long.MaxValue });
        scalarBack.dtype.Should().Be(ScalarType.Float64);
        scalarBack.shape.Should().BeEmpty();
        scalarBack.item<double>().Should().Be(0.125);
    }

    [Fact]
    public void EncodesANonContiguousViewAsItsElementsInOrder()
    {
        using var matrix = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var transposed = matrix.t();

        using var back = TensorCodec.Decode(TensorCodec.Encode(transposed));

        back.data<float>().ToArray().Should().Equal(new[] { 0f, 3f, 1f, 4f, 2f, 5f });
    }

    [Fact]
    public void DecodeRejectsBytesThatDoNotFitTheShape()
    {
        var encoded = new EncodedTensor("float32", [2, 2], new byte[12]);

        FluentActions.Invoking(() => TensorCodec.Decode(encoded)).Should().ThrowExactly<InvalidDataException>();
    }
}
