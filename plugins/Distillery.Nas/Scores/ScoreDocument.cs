namespace Distillery.Nas.Scores;

/// <summary>One stored candidate score, with its key's parts as fields (so it can be queried) and where it was made.</summary>
internal sealed class ScoreDocument
{
    public string Evaluator { get; set; } = string.Empty;

    /// <summary>The hash of <see cref="ProtocolJson"/>.</summary>
    public string Protocol { get; set; } = string.Empty;

    /// <summary>The evaluator's options object, defaults included.</summary>
    public string ProtocolJson { get; set; } = string.Empty;

    public string Architecture { get; set; } = string.Empty;

    public string Candidate { get; set; } = string.Empty;

    public string Dataset { get; set; } = string.Empty;

    public string DatasetFingerprint { get; set; } = string.Empty;

    public long Seed { get; set; }

    /// <summary>The fidelity in epochs; 0 for the evaluator's full protocol.</summary>
    public int Epochs { get; set; }

    /// <summary>The score (NaN when it failed).</summary>
    public double Value { get; set; }

    public string? Failure { get; set; }

    public double Seconds { get; set; }

    public Dictionary<string, double> Details { get; set; } = [];

    public int? Threads { get; set; }

    public string? Processor { get; set; }

    public string? InstructionSet { get; set; }

    public string? HostVersion { get; set; }

    /// <summary>The cluster worker that made the score; null when the searching process made it.</summary>
    public string? Worker { get; set; }

    public DateTimeOffset Recorded { get; set; }
}
