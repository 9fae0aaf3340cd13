using System.Globalization;
using Distillery.Randomness;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Nas.Strategies;

/// <summary>
/// Regularized (aging) evolution (Real et al., 2019), as AutoDL-Projects runs it: a population of
/// <see cref="EvolutionOptions.Population"/> candidates sampled from the space, then, for each remaining evaluation, a
/// tournament of <see cref="EvolutionOptions.SampleSize"/> members drawn with replacement, whose best is mutated into a
/// child (a uniformly random neighbour in the space); the child joins the population and the oldest member leaves.
/// </summary>
internal sealed class EvolutionStrategy(IOptions<EvolutionOptions> options) : ISearchStrategy
{
    public const string Name = "evolution";

    public ISearch Start(SearchProblem problem, long seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var o = options.Value;
        if (problem.Evaluations < o.Population)
        {
            throw new UserErrorException(string.Create(
                CultureInfo.InvariantCulture,
                $"Regularized evolution evaluates its whole population before it evolves anything, but the search may ask for only {problem.Evaluations} evaluations (Evaluations) while the population is {o.Population} ({SearchSections.Strategies}:{Name}:Population). Raise Evaluations to at least {o.Population} (more, to leave cycles for evolution) or lower Population."))
            {
                Value = problem.Evaluations.ToString(CultureInfo.InvariantCulture),
            };
        }

        var population = problem.Space.Sample(o.Population, seed);
        var random = new Random(unchecked((int)SeedSequence.Derive(seed, "evolution")));
        return new EvolutionSearch(problem.Space, population, problem.Evaluations - population.Count, o.SampleSize, random);
    }
}
