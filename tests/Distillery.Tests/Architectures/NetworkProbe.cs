using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Architectures;

/// <summary>Small measurements of networks shared by the architecture tests.</summary>
internal static class NetworkProbe
{
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    /// <summary>A deterministic batch of images in [-1, 1].</summary>
    public static Tensor Images(int count, int channels, int height, int width, long seed = 7)
    {
        using var generator = new Generator((ulong)seed);
        return torch.rand([count, channels, height, width], generator: generator) * 2 - 1;
    }

    public static bool AllFinite(Tensor tensor)
    {
        using var finite = torch.isfinite(tensor).all();
        return finite.item<bool>();
    }

    public static bool Identical(Tensor first, Tensor second)
    {
        if (!first.shape.SequenceEqual(second.shape))
        {
            return false;
        }

        using var same = first.eq(second).all();
        return same.item<bool>();
    }
}
