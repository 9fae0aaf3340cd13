namespace Distillery.Nas.Cluster.Messages;

/// <summary>
/// One candidate to score on a worker: names and numbers only, never code. The worker resolves the evaluator from its
/// own plugins with <see cref="Options"/> laid over its configuration, and refuses the job unless the evaluator's
/// options come out as <see cref="ProtocolJson"/> and its copy of the dataset has <see cref="DatasetFingerprint"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed class RemoteJob
{
    [Id(0)]
    public required string Evaluator { get; init; }

    /// <summary>The evaluator's settings, as configuration keys under its section.</summary>
    [Id(1)]
    public required Dictionary<string, string?> Options { get; init; }

    [Id(2)]
    public required string ProtocolJson { get; init; }

    [Id(3)]
    public required string Dataset { get; init; }

    [Id(4)]
    public required string DatasetFingerprint { get; init; }

    [Id(5)]
    public required string Candidate { get; init; }

    [Id(6)]
    public required Dictionary<string, string> Choices { get; init; }

    [Id(7)]
    public required string Architecture { get; init; }

    [Id(8)]
    public long Seed { get; init; }

    [Id(9)]
    public int? Epochs { get; init; }

    /// <summary>The proxy set the job trains on (sent to the worker beforehand), or null.</summary>
    [Id(10)]
    public SetReference? Set { get; init; }
}
