using System.ComponentModel.DataAnnotations;

namespace Distillery.Devices;

/// <summary>Where tensors live: <c>auto</c> (CUDA when available, else CPU), <c>cpu</c> or <c>cuda</c>.</summary>
public sealed class DeviceOptions
{
    public const string Section = "Distillery";

    [RegularExpression("^(auto|cpu|cuda(:[0-9]+)?)$", ErrorMessage = "Device must be auto, cpu, cuda or cuda:N.")]
    public string Device { get; set; } = "auto";

    /// <summary>Threads libtorch uses on the CPU; 0 means one per core.</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>
    /// Keep large freed blocks in the process heap for reuse instead of unmapping them (Linux, glibc: mmap off, no
    /// trimming, one malloc arena): a third to a half less processor time on the CPU, at the price of memory not
    /// returned to the system after a peak. See <see cref="HeapReuse"/>.
    /// </summary>
    public bool ReuseHeap { get; set; } = true;
}
