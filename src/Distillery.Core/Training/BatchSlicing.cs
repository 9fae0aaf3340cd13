using Distillery.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Training;

/// <summary>
/// How many images to embed at once in a large forward pass. On the CPU, the layer outputs of a large batch are too
/// large for the allocator to reuse (640 images through ConvNet-3 make 335 MB per layer), so every layer maps and faults
/// in fresh pages; slices of a few images stay in reused memory and run about a third faster (a DM iteration at 64 real
/// images per class: 1056 ms whole, 684 ms in slices of 16). It does not pay for training steps: parameter gradients
/// over many small slices cost more than they save (an evaluation took three times as long). Slicing gives the same
/// result for networks that treat every image on its own; a network with batch normalization is never sliced, since
/// its statistics depend on the whole batch.
/// </summary>
public static class BatchSlicing
{
    /// <summary>The slice on the CPU when none is configured (measured on ConvNet-3, 28×28 and 32×32 input).</summary>
    public const int DefaultCpuSlice = 16;

    /// <summary>Whether the network's output for one image depends on the other images of the batch.</summary>
    public static bool DependsOnBatch(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.modules().Any(module => module is BatchNorm1d or BatchNorm2d or BatchNorm3d);
    }

    /// <summary>
    /// The slice for <paramref name="network"/> on <paramref name="device"/>: <paramref name="configured"/> when
    /// positive, otherwise <see cref="DefaultCpuSlice"/> on the CPU and 0 (whole batches) on an accelerator; always 0
    /// for a network that depends on its batch.
    /// </summary>
    public static int SliceFor(Network network, Device device, int configured = 0)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (DependsOnBatch(network))
        {
            return 0;
        }

        return configured > 0 ? configured : device.type == DeviceType.CPU ? DefaultCpuSlice : 0;
    }
}
