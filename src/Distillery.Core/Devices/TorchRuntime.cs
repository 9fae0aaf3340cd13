using Distillery.Training;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Devices;

/// <summary>
/// The process-wide settings of libtorch: its thread count and whether large freed blocks stay in the heap on the CPU,
/// and whether CUDA may compute in TF32 (<see cref="EvaluationOptions.AllowTf32"/>). The host applies them once, when
/// it starts, before any command runs.
/// </summary>
public sealed class TorchRuntime(IOptions<DeviceOptions> options, IOptions<EvaluationOptions> evaluation)
{
    /// <summary>The thread count libtorch was given: <see cref="DeviceOptions.Threads"/>, or one per core when 0.</summary>
    public int Threads => options.Value.Threads > 0 ? options.Value.Threads : Environment.ProcessorCount;

    public void Apply()
    {
        torch.set_num_threads(Threads);
        var tf32 = evaluation.Value.AllowTf32;
        torch.backends.cuda.matmul.allow_tf32 = tf32;
        torch.backends.cudnn.allow_tf32 = tf32;
        if (options.Value.ReuseHeap)
        {
            HeapReuse.Apply();
        }
    }
}
