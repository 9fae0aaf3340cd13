using Distillery.Randomness;
using static TorchSharp.torch;

namespace Distillery.Augmentation.Transforms;

/// <summary>
/// What every transform needs to draw its parameters: how many draws (the batch size, or one to share),
/// the image size, the generator and the device they are used on (parameters are drawn there when the generator lives on it).
/// </summary>
internal sealed record DrawContext(long Count, long Height, long Width, Generator Generator, Device Device, AugmentationSettings Settings)
{
    /// <summary><see cref="Count"/> uniform draws in [0, 1) as float32 on the target device.</summary>
    public Tensor Uniform(params long[] trailing)
    {
        return DeviceDraws.Uniform([Count, .. trailing], Generator, Device);
    }

    /// <summary><see cref="Count"/> integer draws in [low, high) as int64 on the target device.</summary>
    public Tensor Integers(long low, long high)
    {
        return DeviceDraws.Integers(low, high, [Count], Generator, Device);
    }
}
