using Distillery.Search;

namespace Distillery.Tests.Nas;

/// <summary>Runs a search as the search runner does (ask, score each trial, tell) with a score function instead of an evaluator.</summary>
internal static class SearchDriver
{
    /// <summary>Every ask in order, each a list of trials.</summary>
    public static IReadOnlyList<IReadOnlyList<CandidateTrial>> Run(ISearch search, Func<CandidateTrial, CandidateScore> score, Action? afterTell = null)
    {
        var asks = new List<IReadOnlyList<CandidateTrial>>();
        while (!search.IsFinished)
        {
            var asked = search.Ask();
            if (asked.Count == 0)
            {
                break;
            }

            asks.Add(asked);
            foreach (var trial in asked)
            {
                search.Tell(trial, score(trial));
                afterTell?.Invoke();
            }
        }

        return asks;
    }
}
