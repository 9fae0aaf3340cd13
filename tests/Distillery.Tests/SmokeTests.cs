using TorchSharp;

namespace Distillery.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void LibTorchLoads()
    {
        using var sum = torch.ones(2, 3).sum();
        sum.item<float>().Should().Be(6f);
    }
}
