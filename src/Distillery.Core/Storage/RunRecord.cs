namespace Distillery.Storage;

/// <summary>One run (a distillation, an evaluation, a scenario) with its outcome.</summary>
public sealed record RunRecord
{
    /// <summary>The run's key: the same settings give the same key, which is how a rerun finds its checkpoint.</summary>
    public required string Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>running, completed, failed or cancelled.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? SetName { get; init; }

    /// <summary>The run's settings and results as JSON.</summary>
    public string Json { get; init; } = "{}";
}
