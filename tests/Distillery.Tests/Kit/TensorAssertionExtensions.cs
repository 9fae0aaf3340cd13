using static TorchSharp.torch;

namespace Distillery.Tests.Kit;

public static class TensorAssertionExtensions
{
    public static TensorAssertions Should(this Tensor? actual) => new(actual);
}
