using TorchSharp;

namespace Distillery.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void LibTorchLoads()
    {
        using var sum = torch.ones(2, 3).sum();
        Assert.Equal(6f, sum.item<float>());
    }
}
