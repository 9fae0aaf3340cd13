namespace Distillery.Search;

/// <summary>One running search: ask for trials, evaluate them, tell their scores, until it is finished.</summary>
public interface ISearch
{
    /// <summary>True when the search asks for nothing more.</summary>
    bool IsFinished { get; }

    /// <summary>The next trials to evaluate (empty when finished). Each is told back before the next ask.</summary>
    IReadOnlyList<CandidateTrial> Ask();

    /// <summary>The score of a trial from the last ask.</summary>
    void Tell(CandidateTrial trial, CandidateScore score);
}
