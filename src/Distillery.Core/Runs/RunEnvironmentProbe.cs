using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Distillery.Data.Files;
using Distillery.Methods;
using TorchSharp;

namespace Distillery.Runs;

/// <summary>Describes this process for a set's provenance: host version, libtorch threads, processor, dataset files.</summary>
public sealed class RunEnvironmentProbe(DatasetFileLedger ledger, HostIdentity? host = null)
{
    private static readonly Lazy<string?> ProcessorName = new(ReadProcessorName);

    public RunEnvironment Describe(string dataset) => new()
    {
        HostVersion = host?.Version,
        Threads = torch.get_num_threads(),
        InstructionSet = InstructionSet(),
        Processor = ProcessorName.Value,
        DatasetFiles = ledger.FilesOf(dataset),
    };

    /// <summary>The widest vector instructions the processor offers, which decide libtorch's kernels.</summary>
    public static string InstructionSet() =>
        Avx512F.IsSupported ? "avx512f"
        : Avx2.IsSupported ? "avx2"
        : Avx.IsSupported ? "avx"
        : Sse42.IsSupported ? "sse4.2"
        : AdvSimd.IsSupported ? "neon"
        : RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    private static string? ReadProcessorName()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
        {
            return null;
        }

        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
