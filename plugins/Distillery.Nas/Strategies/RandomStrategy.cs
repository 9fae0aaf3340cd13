using Distillery.Search;

namespace Distillery.Nas.Strategies;

/// <summary>
/// Random search: as many candidates as the budget allows, drawn once from the seed with the space's sampler (which
/// for the ConvNet space covers every value of every dimension evenly), evaluated in that order.
/// </summary>
internal sealed class RandomStrategy : ISearchStrategy
{
    public const string Name = "random";

    public ISearch Start(SearchProblem problem, long seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new QueueSearch(problem.Space.Sample(problem.Evaluations, seed));
    }
}
