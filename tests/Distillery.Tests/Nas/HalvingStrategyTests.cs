using Distillery.Nas.Strategies;
using Distillery.Search;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

public sealed class HalvingStrategyTests
{
    private static readonly string[] Target = ["3", "1", "0", "2", "3"];

    [Theory]
    [InlineData(20, 3, 3, null, new[] { 1, 3 })]
    [InlineData(20, 10, 3, null, new[] { 1, 3, 10 })]
    [InlineData(100, 27, 3, null, new[] { 1, 3, 9, 27 })]
    [InlineData(5, 27, 3, null, new[] { 9, 27 })]
    [InlineData(2, 27, 3, null, new[] { 27 })]
    [InlineData(50, 8, 2, null, new[] { 1, 2, 4, 8 })]
    [InlineData(20, 10, 3, 2, new[] { 2, 10 })]
    [InlineData(20, 20, 3, 2, new[] { 2, 6, 20 })]
    [InlineData(20, 3, 3, 3, new[] { 3 })]
    public void TheRungsRunFromTheLowestFidelityToTheEvaluatorsEpochs(int candidates, int maxEpochs, int eta, int? minEpochs, int[] expected) =>
        HalvingStrategy.Rungs(candidates, maxEpochs, eta, minEpochs).Should().Equal(expected);

    [Fact]
    public void EachAskIsAWholeRungAndTheBestThirdGoesOnToThreeTimesTheEpochs()
    {
        var space = new GridSpace();
        var asks = SearchDriver.Run(Strategy().Start(new SearchProblem(space, 20, 9), 6), Score);

        asks.Select(a => a.Count).Should().Equal([20, 7, 3]);
        asks.Select(a => a.Select(t => t.Epochs).Distinct().Single()).Should().Equal([1, 3, null]);
        asks[0].Select(t => t.Candidate).Should().Equal(space.Sample(20, 6));
        asks.Sum(a => a.Count).Should().Be(HalvingStrategy.TotalTrials(20, 3, 3));

        Best(asks[0], 7).Should().BeEquivalentTo(asks[1].Select(t => t.Candidate.Name));
        Best(asks[1], 3).Should().BeEquivalentTo(asks[2].Select(t => t.Candidate.Name));
    }

    [Fact]
    public void FailedCandidatesAreNeverPromoted()
    {
        var space = new GridSpace();
        var sample = space.Sample(9, 1);
        var keep = new HashSet<Candidate> { sample[4], sample[7] };
        var asks = SearchDriver.Run(
            Strategy().Start(new SearchProblem(space, 9, 9), 1),
            trial => keep.Contains(trial.Candidate) ? Score(trial) : CandidateScore.Fail("diverged", 0));

        asks.Select(a => a.Count).Should().Equal([9, 2, 1]);
        asks[1].Select(t => t.Candidate).Should().BeEquivalentTo(keep);
    }

    [Fact]
    public void ARungWithNothingScoredEndsTheSearch()
    {
        var asks = SearchDriver.Run(Strategy().Start(new SearchProblem(new GridSpace(), 9, 9), 1), _ => CandidateScore.Fail("diverged", 0));

        asks.Should().ContainSingle().Which.Should().HaveCount(9);
    }

    [Fact]
    public void TheSameSeedAndScoresGiveTheSameAsks()
    {
        var space = new GridSpace();
        var first = SearchDriver.Run(Strategy().Start(new SearchProblem(space, 30, 9), 3), Score).SelectMany(a => a).ToList();
        var again = SearchDriver.Run(Strategy().Start(new SearchProblem(space, 30, 9), 3), Score).SelectMany(a => a).ToList();

        again.Should().Equal(first);
    }

    [Fact]
    public void AnEvaluatorThatDoesNotTrainIsRefusedSayingWhatToUse()
    {
        var act = () => Strategy().Start(new SearchProblem(new GridSpace(), 20, null), 0);

        act.Should().Throw<UserErrorException>().Which.Message.Should().Contain("at initialisation").And.Contain("e.g. set");
    }

    [Fact]
    public void AFirstRungLongerThanTheProtocolIsRefused()
    {
        var act = () => Strategy(minEpochs: 5).Start(new SearchProblem(new GridSpace(), 20, 3), 0);

        act.Should().Throw<UserErrorException>().Which.Setting.Should().Be("SearchStrategies:halving:MinEpochs");
    }

    [Fact]
    public void ATrialThatWasNotAskedForIsRefused()
    {
        var space = new GridSpace();
        var search = Strategy().Start(new SearchProblem(space, 9, 9), 0);
        var asked = search.Ask();

        var act = () => search.Tell(asked[0] with { Epochs = 3 }, new CandidateScore(1, 0));

        act.Should().Throw<InvalidOperationException>();
    }

    private static HalvingStrategy Strategy(int eta = 3, int? minEpochs = null) =>
        new(Options.Create(new HalvingOptions { Eta = eta, MinEpochs = minEpochs }));

    /// <summary>The landscape plus a little for each epoch, so fidelities differ but keep the order.</summary>
    private static CandidateScore Score(CandidateTrial trial) => new(GridSpace.Matches(trial.Candidate, Target) + ((trial.Epochs ?? 9) * 0.01), 0);

    private static IEnumerable<string> Best(IReadOnlyList<CandidateTrial> rung, int count) =>
        rung.OrderByDescending(t => Score(t).Value).ThenBy(t => t.Candidate.Name, StringComparer.Ordinal).Take(count).Select(t => t.Candidate.Name);
}
