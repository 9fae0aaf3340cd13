using Distillery.Storage;
using FluentAssertions.Primitives;
using static TorchSharp.torch;

namespace Distillery.Tests.Kit;

/// <summary>FluentAssertions for tensors: <c>actual.Should().BeBitEqualTo(expected)</c>.</summary>
public sealed class TensorAssertions(Tensor? subject) : ReferenceTypeAssertions<Tensor, TensorAssertions>(subject!)
{
    protected override string Identifier => "tensor";

    /// <summary>Same element type, shape and bytes (so NaN payloads and the sign of zero count).</summary>
    public AndConstraint<TensorAssertions> BeBitEqualTo(Tensor expected, string because = "", params object[] becauseArgs)
    {
        var want = TensorCodec.Encode(expected);
        var got = TensorCodec.Encode(Subject);
        got.DType.Should().Be(want.DType, because, becauseArgs);
        got.Shape.Should().Equal(want.Shape, because, becauseArgs);
        got.Bytes.Should().Equal(want.Bytes, because, becauseArgs);
        return new AndConstraint<TensorAssertions>(this);
    }
}
