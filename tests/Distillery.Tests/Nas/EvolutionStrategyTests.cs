using Distillery.Nas.Strategies;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

public sealed class EvolutionStrategyTests
{
    private static readonly string[] Target = ["3", "1", "0", "2", "3"];

    [Fact]
    public void TheSameSeedAndScoresGiveTheSameAsksAndAnotherSeedOthers()
    {
        var space = new GridSpace();
        var first = Names(Run(space, seed: 4, evaluations: 60));
        var again = Names(Run(space, seed: 4, evaluations: 60));
        var other = Names(Run(space, seed: 5, evaluations: 60));

        again.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Fact]
    public void ItAsksOneTrialAtATimeAtTheFullProtocolForExactlyTheBudget()
    {
        var asks = Run(new GridSpace(), seed: 0, evaluations: 37);

        asks.Should().HaveCount(37);
        asks.Should().AllSatisfy(ask => ask.Should().ContainSingle().Which.Epochs.Should().BeNull());
    }

    [Fact]
    public void TheFirstPopulationTrialsAreTheSpacesSampleForTheSeed()
    {
        var space = new GridSpace();
        var asks = Run(space, seed: 9, evaluations: 30, population: 8);

        Names(asks).Take(8).Should().Equal(space.Sample(8, 9).Select(c => c.Name));
    }

    [Fact]
    public void ThePopulationKeepsItsSizeAndRetiresTheOldest()
    {
        var space = new GridSpace();
        var search = (EvolutionSearch)Strategy(population: 6, sampleSize: 2).Start(new SearchProblem(space, 40, null), 3);
        var told = new List<Candidate>();
        var sizes = new List<int>();
        while (!search.IsFinished)
        {
            var trial = search.Ask().Single();
            search.Tell(trial, Score(trial));
            told.Add(trial.Candidate);
            sizes.Add(search.Population.Count);
            search.Population.Should().Equal(told.TakeLast(Math.Min(6, told.Count)), "the population is the last six evaluated, oldest first");
        }

        sizes.Should().Equal([1, 2, 3, 4, 5, .. Enumerable.Repeat(6, 35)]);
    }

    [Fact]
    public void EachChildIsANeighbourOfAMemberOfThePopulationItCameFrom()
    {
        var space = new GridSpace();
        var search = (EvolutionSearch)Strategy().Start(new SearchProblem(space, 50, null), 1);
        while (!search.IsFinished)
        {
            var population = search.Population;
            var trial = search.Ask().Single();
            if (population.Count == 10)
            {
                population.Should().Contain(parent => space.Neighbours(parent).Contains(trial.Candidate));
            }

            search.Tell(trial, Score(trial));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void OnASyntheticLandscapeTheLastPopulationBeatsTheFirst(long seed)
    {
        var space = new GridSpace();
        var search = (EvolutionSearch)Strategy().Start(new SearchProblem(space, 150, null), seed);
        IReadOnlyList<Candidate>? initial = null;
        var best = 0.0;
        SearchDriver.Run(search, trial =>
        {
            var score = Score(trial);
            best = Math.Max(best, score.Value);
            return score;
        }, () => initial ??= search.Population.Count == 10 ? search.Population : null);

        var before = initial!.Average(c => GridSpace.Matches(c, Target));
        var after = search.Population.Average(c => GridSpace.Matches(c, Target));
        after.Should().BeGreaterThan(before, "the survivors descend from tournament winners");
        best.Should().Be(Target.Length, "the optimum is a few mutations from anywhere in 1024 candidates");
    }

    [Fact]
    public void AFailedParentIsNeverChosenOverAScoredOne()
    {
        // Only the fourth member of the first population scores; every other trial fails. While that member lives (the
        // next four children), every tournament that draws it (all of them, with 50 draws from 4) mutates it.
        var space = new GridSpace();
        var trials = Names(SearchDriver.Run(
            Strategy(population: 4, sampleSize: 50).Start(new SearchProblem(space, 12, null), 2),
            trial => trial.Candidate.Name == space.Sample(4, 2)[3].Name ? new CandidateScore(1, 0) : CandidateScore.Fail("diverged", 0)));

        var scored = space.Parse(trials[3]);
        trials.Skip(4).Take(4).Should().AllSatisfy(child => space.Neighbours(scored).Select(c => c.Name).Should().Contain(child));
    }

    [Fact]
    public void ABudgetSmallerThanThePopulationIsRefusedNamingBothSettings()
    {
        var act = () => Strategy(population: 10).Start(new SearchProblem(new GridSpace(), 7, null), 0);

        act.Should().Throw<UserErrorException>()
            .Which.Message.Should().Contain("Evaluations").And.Contain("SearchStrategies:evolution:Population").And.Contain("7").And.Contain("10");
    }

    [Fact]
    public void ASpaceSmallerThanThePopulationEvolvesWhatItHas()
    {
        var space = new GridSpace(dimensions: 1, values: 3);
        var asks = Run(space, seed: 0, evaluations: 12, population: 10);

        asks.Should().HaveCount(12);
        Names(asks).Take(3).Should().BeEquivalentTo(["a0", "a1", "a2"]);
    }

    private static EvolutionStrategy Strategy(int population = 10, int sampleSize = 3) =>
        new(Options.Create(new EvolutionOptions { Population = population, SampleSize = sampleSize }));

    private static IReadOnlyList<IReadOnlyList<CandidateTrial>> Run(GridSpace space, long seed, int evaluations, int population = 10) =>
        SearchDriver.Run(Strategy(population).Start(new SearchProblem(space, evaluations, null), seed), Score);

    private static CandidateScore Score(CandidateTrial trial) => new(GridSpace.Matches(trial.Candidate, Target), 0);

    private static List<string> Names(IReadOnlyList<IReadOnlyList<CandidateTrial>> asks) => asks.SelectMany(a => a).Select(t => t.Candidate.Name).ToList();
}
