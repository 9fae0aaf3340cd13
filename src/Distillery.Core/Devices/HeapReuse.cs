using System.Runtime.InteropServices;

namespace Distillery.Devices;

/// <summary>
/// Keeps large freed blocks in the process heap on Linux. glibc's malloc hands out every block above its mmap threshold
/// (32 MB at most) as freshly mapped pages and unmaps it on free, so each large layer output libtorch makes on the CPU
/// (a batch of 256 images through a 128-channel 32×32 layer is 134 MB) is faulted in page by page, at every layer of
/// every step. Turning mmap off and heap trimming down lets the next step reuse the same memory. Measured on the
/// reference ConvNet-3 at 2 threads (PyTorch, the same libtorch allocator): a forward pass of 640 images 2030 → 1090 ms,
/// a training step at batch 256 2112 → 1543 ms. The price: memory freed after a peak stays with the process.
/// <para>
/// That holds only in glibc's main arena. The thread-pool threads that run the commands get arenas of their own, whose
/// heaps are 64 MB: a larger block is mapped afresh whatever the settings, and emptied heaps are unmapped. So the heap is
/// also held to the one arena (<c>M_ARENA_MAX</c>); the <c>distillery</c> launcher sets <c>MALLOC_ARENA_MAX=1</c> too,
/// since only a setting made before the process starts reaches threads that took an arena already. Measured with
/// <c>frepo</c> (15 iterations, 1 thread): 2.3 million page faults and 75 processor seconds → 0.27 million and 42 s.
/// </para>
/// </summary>
public static class HeapReuse
{
    private const int TrimThreshold = -1;
    private const int MmapMax = -4;
    private const int ArenaMax = -8;

    private static int _applied;

    /// <summary>Applies the setting once per process; returns whether the C library took it (false off glibc).</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return false;
        }

        try
        {
            // Each setting applies on its own: one the C library refuses does not keep the others from applying.
            var mmapOff = Mallopt(MmapMax, 0) == 1;
            var trimOff = Mallopt(TrimThreshold, int.MaxValue) == 1;
            var oneArena = Mallopt(ArenaMax, 1) == 1;
            return mmapOff && trimOff && oneArena;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
}
