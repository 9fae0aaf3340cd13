namespace Distillery.Nas.Scores;

/// <summary>Candidate scores kept in the workspace as they are made, so a search resumes and ground truth is reused.</summary>
internal interface IScoreStore
{
    Task<ScoreDocument?> FindAsync(ScoreKey key, CancellationToken cancellationToken);

    Task SaveAsync(ScoreKey key, ScoreDocument score, CancellationToken cancellationToken);

    /// <summary>Every score of an evaluator (all protocols, datasets and seeds), ordered by id.</summary>
    Task<IReadOnlyList<ScoreDocument>> ListAsync(string evaluator, CancellationToken cancellationToken);

    /// <summary>Every stored score, ordered by id.</summary>
    Task<IReadOnlyList<ScoreDocument>> ListAsync(CancellationToken cancellationToken);
}
