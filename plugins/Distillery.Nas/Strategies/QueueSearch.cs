using Distillery.Search;

namespace Distillery.Nas.Strategies;

/// <summary>A search that asks for a fixed list of candidates, one at a time, at the evaluator's full protocol.</summary>
internal sealed class QueueSearch(IReadOnlyList<Candidate> candidates) : ISearch
{
    private int _next;

    public bool IsFinished => _next >= candidates.Count;

    public IReadOnlyList<CandidateTrial> Ask() => IsFinished ? [] : [new CandidateTrial(candidates[_next])];

    public void Tell(CandidateTrial trial, CandidateScore score)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (IsFinished || !trial.Candidate.Equals(candidates[_next]))
        {
            throw new InvalidOperationException($"Told the score of {trial.Candidate}, which was not asked for.");
        }

        _next++;
    }
}
