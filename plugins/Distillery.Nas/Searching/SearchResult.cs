namespace Distillery.Nas.Searching;

/// <summary>
/// What a search found: every trial in the order it was asked, the leaderboard (each candidate once, at the highest
/// fidelity it reached, best first, failed ones last), the confirmations of the best candidates by the ground truth,
/// and the wall-clock seconds of this run (stored scores cost nothing).
/// </summary>
internal sealed record SearchResult(
    NasOptions Options,
    string Protocol,
    IReadOnlyList<ScoredTrial> Trials,
    IReadOnlyList<ScoredTrial> Leaderboard,
    IReadOnlyList<Confirmation> Confirmations,
    double Seconds)
{
    /// <summary>Whether the scores are test accuracies (the evaluator trains) rather than scores at initialisation.</summary>
    public bool ScoresAreAccuracies { get; init; }

    /// <summary>The architecture to use: the best confirmed candidate, or the proxy's best when none was confirmed.</summary>
    public ScoredTrial? Choice =>
        Confirmations.Count > 0
            ? Confirmations.Where(c => !c.Truth.Score.Failed).MaxBy(c => c.Truth.Score.Value)?.Truth
            : Leaderboard.FirstOrDefault(t => !t.Score.Failed);
}

/// <summary>A candidate's proxy score beside its ground truth.</summary>
internal sealed record Confirmation(ScoredTrial Proxy, ScoredTrial Truth);
