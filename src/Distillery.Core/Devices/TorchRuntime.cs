using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Devices;

/// <summary>
/// The process-wide settings of libtorch on the CPU: its thread count and whether large freed blocks stay in the heap.
/// The host applies them once, when it starts, before any command runs.
/// </summary>
public sealed class TorchRuntime(IOptions<DeviceOptions> options)
{
    /// <summary>The thread count libtorch was given: <see cref="DeviceOptions.Threads"/>, or one per core when 0.</summary>
    public int Threads => options.Value.Threads > 0 ? options.Value.Threads : Environment.ProcessorCount;

    public void Apply()
    {
        torch.set_num_threads(Threads);
        if (options.Value.ReuseHeap)
        {
            HeapReuse.Apply();
        }
    }
}
