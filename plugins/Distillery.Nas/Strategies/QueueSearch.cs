using Distillery.Search;

namespace Distillery.Nas.Strategies;

/// <summary>
/// A search that asks for a fixed list of candidates at the evaluator's full protocol: all that are left at each ask,
/// so a runner may score several at once.
/// </summary>
internal sealed class QueueSearch(IReadOnlyList<Candidate> candidates) : ISearch
{
    private int _next;

    public bool IsFinished => _next >= candidates.Count;

    public IReadOnlyList<CandidateTrial> Ask() => candidates.Skip(_next).Select(c => new CandidateTrial(c)).ToList();

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
