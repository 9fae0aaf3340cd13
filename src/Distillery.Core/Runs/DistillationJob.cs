namespace Distillery.Runs;

/// <summary>What to distill: a method applied to a dataset at some images per class, stored under a name.</summary>
public sealed record DistillationJob
{
    public required string Method { get; init; }

    public required string Dataset { get; init; }

    public required int ImagesPerClass { get; init; }

    public string Architecture { get; init; } = "convnet";

    public long Seed { get; init; }

    /// <summary>
    /// This job's own settings of the method, keys under its section (<c>Iterations</c>), laid over the configured
    /// ones. Empty: the configured settings.
    /// </summary>
    public IReadOnlyDictionary<string, string?> MethodOptions { get; init; } = new Dictionary<string, string?>();

    /// <summary>The set's name in the workspace; derived from the job when null.</summary>
    public string? SetName { get; init; }

    /// <summary>Replace a stored set of the same name instead of refusing.</summary>
    public bool Overwrite { get; init; }

    /// <summary>A stored set of the same dataset and IPC to start from (methods that learn images only).</summary>
    public string? InitFrom { get; init; }

    /// <summary>Snapshots to take while the run goes on; none when null.</summary>
    public SnapshotPlan? Snapshots { get; init; }
}
