using Distillery.Search;

namespace Distillery.Nas.Strategies;

/// <summary>Every candidate of the space, in the space's order, up to the evaluation budget.</summary>
internal sealed class ExhaustiveStrategy : ISearchStrategy
{
    public const string Name = "exhaustive";

    public ISearch Start(SearchProblem problem, long seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new QueueSearch(problem.Space.Enumerate().Take(problem.Evaluations).ToList());
    }
}
