namespace Distillery.Methods;

/// <summary>
/// Where a set was made, as far as it changes the numbers: the same seed gives the same set only with the same host,
/// thread count and processor instruction set, on the same data files.
/// </summary>
public sealed record RunEnvironment
{
    /// <summary>The host's version with the commit it was built from, e.g. <c>0.1.0+1a2b3c4d5e6f</c>.</summary>
    public string? HostVersion { get; init; }

    /// <summary>The threads libtorch computed with.</summary>
    public int? Threads { get; init; }

    /// <summary>The widest vector instruction set the processor offers (<c>avx512f</c>, <c>avx2</c>, <c>neon</c>, …).</summary>
    public string? InstructionSet { get; init; }

    /// <summary>The processor's model name, where the system tells it.</summary>
    public string? Processor { get; init; }

    /// <summary>The SHA-256 of each dataset file the run read, by file name.</summary>
    public IReadOnlyDictionary<string, string>? DatasetFiles { get; init; }
}
