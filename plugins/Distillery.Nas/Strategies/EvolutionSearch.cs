using Distillery.Search;

namespace Distillery.Nas.Strategies;

/// <summary>
/// One run of regularized evolution: the initial population in the space's sampled order, one trial per ask, then
/// <c>cycles</c> children. A child may be a candidate already evaluated (its score is then read back by the runner);
/// it still counts as an evaluation. A failed score ranks below every other in a tournament; among equal scores the
/// member drawn first wins, as Python's <c>max</c> does.
/// </summary>
internal sealed class EvolutionSearch : ISearch
{
    private readonly ISearchSpace _space;
    private readonly IReadOnlyList<Candidate> _initial;
    private readonly int _total;
    private readonly int _sampleSize;
    private readonly Random _random;
    private readonly Queue<Member> _population = new();
    private CandidateTrial? _pending;
    private int _evaluated;

    public EvolutionSearch(ISearchSpace space, IReadOnlyList<Candidate> initial, int cycles, int sampleSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentOutOfRangeException.ThrowIfNegative(cycles);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        _space = space;
        _initial = initial;
        _sampleSize = sampleSize;
        _random = random;

        // An empty space has nothing to evolve from.
        _total = initial.Count == 0 ? 0 : initial.Count + cycles;
    }

    public bool IsFinished => _evaluated >= _total;

    /// <summary>The living members, oldest first.</summary>
    public IReadOnlyList<Candidate> Population => _population.Select(m => m.Candidate).ToList();

    public IReadOnlyList<CandidateTrial> Ask()
    {
        if (IsFinished)
        {
            return [];
        }

        // Asked again before the last trial was told: the same trial, without drawing anything.
        _pending ??= new CandidateTrial(_evaluated < _initial.Count ? _initial[_evaluated] : Child());
        return [_pending];
    }

    public void Tell(CandidateTrial trial, CandidateScore score)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(score);
        if (_pending is null || !trial.Equals(_pending))
        {
            throw new InvalidOperationException($"Told the score of {trial.Candidate}, which was not asked for.");
        }

        _pending = null;
        _evaluated++;
        _population.Enqueue(new Member(trial.Candidate, score.Failed || double.IsNaN(score.Value) ? double.NegativeInfinity : score.Value));
        if (_population.Count > _initial.Count)
        {
            _population.Dequeue();
        }
    }

    private Candidate Child()
    {
        var members = _population.ToArray();
        Member? parent = null;
        for (var i = 0; i < _sampleSize; i++)
        {
            var drawn = members[_random.Next(members.Length)];
            if (parent is null || drawn.Score > parent.Score)
            {
                parent = drawn;
            }
        }

        var neighbours = _space.Neighbours(parent!.Candidate);
        return neighbours.Count == 0 ? parent.Candidate : neighbours[_random.Next(neighbours.Count)];
    }

    private sealed record Member(Candidate Candidate, double Score);
}
