using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>
/// What every transform needs to draw its parameters: how many draws (the batch size, or one to share),
/// the image size, the generator (parameters are drawn on the CPU) and the device they are used on.
/// </summary>
internal sealed record DrawContext(long Count, long Height, long Width, Generator Generator, Device Device, AugmentationSettings Settings)
{
    /// <summary><see cref="Count"/> uniform draws in [0, 1) as float32 on the target device.</summary>
    public Tensor Uniform(params long[] trailing)
    {
        return OnDevice(torch.rand([Count, .. trailing], dtype: ScalarType.Float32, generator: Generator));
    }

    /// <summary><see cref="Count"/> integer draws in [low, high) as int64 on the target device.</summary>
    public Tensor Integers(long low, long high)
    {
        return OnDevice(torch.randint(low, high, [Count], dtype: ScalarType.Int64, generator: Generator));
    }

    private Tensor OnDevice(Tensor cpu)
    {
        if (Device.type == DeviceType.CPU)
        {
            return cpu;
        }

        using (cpu)
        {
            return cpu.to(Device);
        }
    }
}
