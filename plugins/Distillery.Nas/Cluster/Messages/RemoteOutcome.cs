namespace Distillery.Nas.Cluster.Messages;

/// <summary>
/// What a worker sends back: the score and the environment that made it, or why it refused the job (a component it
/// lacks, other options, another copy of the data).
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed class RemoteOutcome
{
    [Id(0)]
    public string? Refused { get; init; }

    [Id(1)]
    public double Value { get; init; }

    [Id(2)]
    public double Seconds { get; init; }

    [Id(3)]
    public string? Failure { get; init; }

    [Id(4)]
    public Dictionary<string, double> Details { get; init; } = [];

    [Id(5)]
    public required string Worker { get; init; }

    [Id(6)]
    public int Threads { get; init; }

    [Id(7)]
    public string Processor { get; init; } = string.Empty;

    [Id(8)]
    public string InstructionSet { get; init; } = string.Empty;

    [Id(9)]
    public string HostVersion { get; init; } = string.Empty;
}
