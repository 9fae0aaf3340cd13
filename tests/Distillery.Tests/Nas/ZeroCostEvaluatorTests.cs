using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Search;
using Distillery.Tests.Training;
using Microsoft.Extensions.Options;
using static Distillery.Tests.Training.TrainingSetFixtures;

namespace Distillery.Tests.Nas;

public sealed class ZeroCostEvaluatorTests
{
    private const string Candidate = "convnet:d1-w8";

    [Theory]
    [InlineData("synflow")]
    [InlineData("naswot")]
    [InlineData("snip")]
    [InlineData("grad_norm")]
    public async Task AScoreRepeatsForTheSameSeedAndChangesWithAnother(string name)
    {
        using var data = SeparableProblem.Create();
        var evaluator = Evaluator(name);

        var first = await evaluator.EvaluateAsync(NasJobs.For(data, Candidate, seed: 1), CancellationToken.None);
        var again = await evaluator.EvaluateAsync(NasJobs.For(data, Candidate, seed: 1), CancellationToken.None);
        var other = await evaluator.EvaluateAsync(NasJobs.For(data, Candidate, seed: 2), CancellationToken.None);

        first.Failed.Should().BeFalse(first.Failure);
        double.IsFinite(first.Value).Should().BeTrue();
        again.Value.Should().Be(first.Value);
        other.Value.Should().NotBe(first.Value);
        evaluator.Epochs.Should().BeNull();
    }

    [Fact]
    public async Task TheScoreIsTheMeanOverTheNetworksEachInTheDetails()
    {
        using var data = SeparableProblem.Create();
        var evaluator = new SnipEvaluator(Options.Create(new SnipOptions { Networks = 3, BatchSize = 16 }), Scoring());

        var score = await evaluator.EvaluateAsync(NasJobs.For(data, Candidate), CancellationToken.None);

        var networks = new[] { score.Details["network1"], score.Details["network2"], score.Details["network3"] };
        networks.Distinct().Should().HaveCount(3);
        score.Value.Should().BeApproximately(networks.Average(), 1e-12);
        score.Details["batch"].Should().Be(16);
    }

    [Fact]
    public async Task ABatchLargerThanTheTrainingSetTakesAllOfIt()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        var evaluator = new NaswotEvaluator(Options.Create(new NaswotOptions { BatchSize = 64 }), Scoring());

        var score = await evaluator.EvaluateAsync(NasJobs.For(data, Candidate), CancellationToken.None);

        score.Details["batch"].Should().Be(30);
    }

    [Fact]
    public async Task ParamsAndFlopsCountTheCandidate()
    {
        using var data = SeparableProblem.Create();
        var job = NasJobs.For(data, Candidate);

        var parameters = await new ParamsEvaluator(Scoring()).EvaluateAsync(job, CancellationToken.None);
        var flops = await new FlopsEvaluator(Scoring(), new CpuDevice()).EvaluateAsync(job, CancellationToken.None);

        // A 3x3 convolution from 1 to 8 channels (padded by 3: 8x8 out), instance norm, 2x2 pooling, a linear classifier on 8x4x4.
        parameters.Value.Should().Be((8 * 9) + 8 + 16 + (128 * 3) + 3);
        flops.Value.Should().Be((8 * 8 * 8 * 9) + (128 * 3));
    }

    [Fact]
    public async Task AScoreThatIsNotANumberFailsTheCandidate()
    {
        using var data = SeparableProblem.Create();

        var score = await Scoring().ScoreAsync(NasJobs.For(data, Candidate), 2, null, (_, _) => double.NaN, CancellationToken.None);

        score.Failed.Should().BeTrue();
        score.Failure.Should().Contain("network 1");
        double.IsNaN(score.Value).Should().BeTrue();
    }

    private static ZeroCostScoring Scoring() => new(new CatalogArchitectures(), new CpuDevice());

    private static ICandidateEvaluator Evaluator(string name) => name switch
    {
        "synflow" => new SynflowEvaluator(Options.Create(new SynflowOptions()), Scoring()),
        "naswot" => new NaswotEvaluator(Options.Create(new NaswotOptions { BatchSize = 16 }), Scoring()),
        "snip" => new SnipEvaluator(Options.Create(new SnipOptions { BatchSize = 16 }), Scoring()),
        "grad_norm" => new GradNormEvaluator(Options.Create(new GradNormOptions { BatchSize = 16 }), Scoring()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
