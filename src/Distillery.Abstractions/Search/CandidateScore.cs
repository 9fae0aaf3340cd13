namespace Distillery.Search;

/// <summary>
/// What an evaluator found for one candidate: its score (higher is better), the seconds it took, any further figures
/// (<see cref="Details"/>, e.g. the accuracy of every network), or why it failed (a diverged training: the score is
/// then NaN and the search goes on).
/// </summary>
public sealed record CandidateScore(double Value, double Seconds)
{
    /// <summary>Why the candidate could not be scored, e.g. <c>training diverged (NaN loss) at epoch 3</c>; null when it was.</summary>
    public string? Failure { get; init; }

    public bool Failed => Failure is not null;

    public IReadOnlyDictionary<string, double> Details { get; init; } = new Dictionary<string, double>();

    /// <summary>A failed score.</summary>
    public static CandidateScore Fail(string reason, double seconds) => new(double.NaN, seconds) { Failure = reason };
}
