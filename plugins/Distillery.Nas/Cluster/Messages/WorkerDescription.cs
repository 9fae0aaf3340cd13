namespace Distillery.Nas.Cluster.Messages;

/// <summary>A worker process, as it introduces itself to a coordinator.</summary>
[GenerateSerializer]
[Immutable]
internal sealed class WorkerDescription
{
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>How many candidates it trains at once (--workers-per-device).</summary>
    [Id(1)]
    public int Slots { get; init; }

    [Id(2)]
    public int Threads { get; init; }

    [Id(3)]
    public required string Processor { get; init; }

    [Id(4)]
    public required string HostVersion { get; init; }

    [Id(5)]
    public required string Contract { get; init; }

    [Id(6)]
    public required string TorchSharp { get; init; }

    /// <summary>Each plugin it loaded, by id, with its version.</summary>
    [Id(7)]
    public required Dictionary<string, string> Plugins { get; init; }

    [Id(8)]
    public required string Device { get; init; }
}
