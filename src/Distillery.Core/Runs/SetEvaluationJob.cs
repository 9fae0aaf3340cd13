using Distillery.Training;

namespace Distillery.Runs;

/// <summary>Evaluate a stored set on one or more architectures, beside a same-protocol random subset.</summary>
public sealed record SetEvaluationJob
{
    public required string SetName { get; init; }

    public IReadOnlyList<string> Architectures { get; init; } = ["convnet"];

    public required EvaluationOptions Options { get; init; }

    /// <summary>Train on the stored set itself; false evaluates the random baseline alone.</summary>
    public bool StoredSet { get; init; } = true;

    public bool RandomBaseline { get; init; } = true;

    public long Seed { get; init; }
}
