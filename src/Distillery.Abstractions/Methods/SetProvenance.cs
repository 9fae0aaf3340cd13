namespace Distillery.Methods;

/// <summary>Where a synthetic set came from: enough to reproduce it.</summary>
public sealed record SetProvenance
{
    public required string Method { get; init; }

    public required string Dataset { get; init; }

    public required int ImagesPerClass { get; init; }

    public string? Architecture { get; init; }

    /// <summary>The method's options object as JSON, defaults included.</summary>
    public string OptionsJson { get; init; } = "{}";

    public required long Seed { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Seconds spent distilling.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Figures measured on the set (e.g. final loss, evaluation accuracy).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The host, threads, processor and data files it was made with; null for sets made elsewhere.</summary>
    public RunEnvironment? Environment { get; init; }

    /// <summary>For coresets: the rows of the real training set that were chosen.</summary>
    public IReadOnlyList<long>? SourceIndices { get; init; }

    /// <summary>
    /// Set when the images are the decoded training images of a set that stored fewer images with this
    /// <see cref="Formation"/> factor (e.g. a <c>.pt</c> export of a multi-formation set): the images are plain, and this
    /// says where they came from. Null otherwise. Added in contract 2.3.
    /// </summary>
    public int? DecodedFromFactor { get; init; }
}
