using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Networks;
using Distillery.Tests.Architectures;

namespace Distillery.Tests.Nas;

public sealed class ParameterCountTests
{
    [Fact]
    public void TheReferenceConvNetOnGrayscale28Has317706Parameters()
    {
        using var network = ConvNetTests.Architecture.Create(new NetworkSpec(null, 1, 28, 28, 10));

        ParameterCount.Of(network).Should().Be(317_706);
    }

    [Fact]
    public void FrozenParametersAreNotCounted()
    {
        using var network = ConvNetTests.Architecture.Create(new NetworkSpec(null, 1, 28, 28, 10));
        foreach (var (name, parameter) in network.named_parameters())
        {
            if (name.StartsWith("classifier", StringComparison.Ordinal))
            {
                parameter.requires_grad = false;
            }
        }

        ParameterCount.Of(network).Should().Be(317_706 - (2048 * 10) - 10);
    }
}
