using Distillery.Components;

namespace Distillery.Search;

/// <summary>
/// How a search chooses which candidates to evaluate, as an ask/tell loop (<see cref="ISearch"/>). Everything a
/// strategy draws comes from the seed it is started with, so the same seed and the same scores give the same search;
/// a rerun that finds its scores stored replays to the same ranking.
/// </summary>
[ComponentKind("search-strategy", SearchSections.Strategies)]
public interface ISearchStrategy
{
    /// <summary>Starts a search of <paramref name="problem"/>.</summary>
    /// <exception cref="UserErrorException">The strategy cannot search with this budget or evaluator.</exception>
    ISearch Start(SearchProblem problem, long seed);
}
