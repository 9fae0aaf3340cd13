using Distillery.Storage;

namespace Distillery.Nas.Scores;

/// <summary>The scores in the NAS plugin's artifact store, one document per <see cref="ScoreKey"/>.</summary>
internal sealed class ScoreStore(IArtifactStore store) : IScoreStore
{
    public const string Owner = "nas";

    private static readonly ArtifactCollection Scores = new("scores", 1);

    public Task<ScoreDocument?> FindAsync(ScoreKey key, CancellationToken cancellationToken) =>
        store.ReadAsync(session => session.Collection<ScoreDocument>(Scores).Find(key.Id) is { IsDamaged: false } entry ? entry.Document : null, cancellationToken);

    public Task SaveAsync(ScoreKey key, ScoreDocument score, CancellationToken cancellationToken) =>
        store.WriteAsync(session => session.Collection<ScoreDocument>(Scores).Upsert(key.Id, score), cancellationToken);

    public Task<IReadOnlyList<ScoreDocument>> ListAsync(string evaluator, CancellationToken cancellationToken) =>
        List(ArtifactQuery.IdStartsWith(evaluator + "/"), cancellationToken);

    public Task<IReadOnlyList<ScoreDocument>> ListAsync(CancellationToken cancellationToken) => List(null, cancellationToken);

    private Task<IReadOnlyList<ScoreDocument>> List(ArtifactQuery? query, CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<ScoreDocument>>(
            session => session.Collection<ScoreDocument>(Scores).List(query).Where(e => !e.IsDamaged).Select(e => e.Document).ToList(),
            cancellationToken);
}
