using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Randomness;

/// <summary>
/// Random draws made where they are used. A generator made with <see cref="Generator"/> lives on the run's device, so
/// permutations, batch indices and augmentation parameters are drawn there and no step copies them from the host. On
/// the CPU the numbers are those of a CPU generator with the same seed. A generator on another device than the target
/// (a caller's CPU generator for a CUDA run) still works: the draw is made on its device and copied.
/// </summary>
public static class DeviceDraws
{
    /// <summary>A generator seeded with <paramref name="seed"/> on <paramref name="device"/> (the CPU's for the CPU).</summary>
    public static Generator Generator(long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new Generator(unchecked((ulong)seed), device);
    }

    /// <summary>A random permutation of 0..<paramref name="count"/>-1 (int64) on <paramref name="device"/>.</summary>
    public static Tensor Permutation(long count, Generator generator, Device device) =>
        On(device, generator, where => torch.randperm(count, dtype: ScalarType.Int64, device: where, generator: generator));

    /// <summary>Uniform draws in [0, 1) (float32) of <paramref name="shape"/> on <paramref name="device"/>.</summary>
    public static Tensor Uniform(long[] shape, Generator generator, Device device) =>
        On(device, generator, where => torch.rand(shape, dtype: ScalarType.Float32, device: where, generator: generator));

    /// <summary>Integer draws in [<paramref name="low"/>, <paramref name="high"/>) (int64) of <paramref name="shape"/> on <paramref name="device"/>.</summary>
    public static Tensor Integers(long low, long high, long[] shape, Generator generator, Device device) =>
        On(device, generator, where => torch.randint(low, high, shape, dtype: ScalarType.Int64, device: where, generator: generator));

    private static Tensor On(Device device, Generator generator, Func<Device, Tensor> draw)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(generator);
        var home = generator.device;
        // "cuda" (no index) is the current CUDA device, the one a generator made for "cuda" lives on.
        if (home.type == device.type && (home.index == device.index || home.index < 0 || device.index < 0))
        {
            return draw(device);
        }

        using var drawn = draw(home);
        return drawn.to(device);
    }
}
