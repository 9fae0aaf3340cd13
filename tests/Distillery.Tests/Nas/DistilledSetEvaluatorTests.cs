using Distillery.Methods;
using Distillery.Nas.Evaluators;
using Distillery.Runs;
using Distillery.Tests.Storage;
using Distillery.Tests.Training;
using Microsoft.Extensions.Options;
using TorchSharp;
using static Distillery.Tests.Training.TrainingSetFixtures;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

public sealed class DistilledSetEvaluatorTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ASetOfAnotherDatasetIsRefusedNamingBoth()
    {
        await StoreAsync("mnist-set", dataset: "mnist");
        using var evaluator = Evaluator("mnist-set");

        var error = (await FluentActions.Awaiting(() => evaluator.PrepareAsync(SeparableProblem.Info, CancellationToken.None))
            .Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("mnist-set").And.Contain("mnist").And.Contain("separable");
        error.Setting.Should().Be("CandidateEvaluators:set:Set");
        error.Value.Should().Be("mnist-set");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task AMissingSetNameIsRefusedNamingTheFlagAndTheSetting(string? name)
    {
        using var evaluator = Evaluator(name);

        var error = (await FluentActions.Awaiting(() => evaluator.PrepareAsync(SeparableProblem.Info, CancellationToken.None))
            .Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("--set").And.Contain("CandidateEvaluators:set:Set");
        error.Setting.Should().Be("CandidateEvaluators:set:Set");
    }

    [Fact]
    public async Task ASetOfAnotherImageShapeIsRefused()
    {
        await StoreAsync("wide", images: torch.zeros(3, 1, 5, 5));
        using var evaluator = Evaluator("wide");

        await FluentActions.Awaiting(() => evaluator.PrepareAsync(SeparableProblem.Info, CancellationToken.None))
            .Should().ThrowExactlyAsync<UserErrorException>().WithMessage("*[3, 1, 5, 5]*1x4x4*");
    }

    [Fact]
    public async Task TrainsTheCandidateOnTheSetAndScoresItsTestAccuracy()
    {
        using var data = SeparableProblem.Create();
        await StoreAsync("proxy");
        using var evaluator = Evaluator("proxy", epochs: 20);
        await evaluator.PrepareAsync(data.Info, CancellationToken.None);

        var score = await evaluator.EvaluateAsync(NasJobs.For(data), CancellationToken.None);

        score.Failed.Should().BeFalse(score.Failure);
        score.Value.Should().BeGreaterThan(0.9);
        score.Details["epochs"].Should().Be(20);
        evaluator.Epochs.Should().Be(20);
    }

    [Fact]
    public async Task TheSetsSoftLabelsAreWhatTheCandidateLearns()
    {
        using var data = SeparableProblem.Create();
        using (var labels = Labels())
        {
            // Hard labels right, soft labels all on the next class: trained toward the soft labels, the networks learn the wrong class.
            await StoreAsync("soft", softLabels: Smoothed(Shifted(labels), 0.98));
        }

        using var evaluator = Evaluator("soft", epochs: 20);
        await evaluator.PrepareAsync(data.Info, CancellationToken.None);

        var score = await evaluator.EvaluateAsync(NasJobs.For(data), CancellationToken.None);

        score.Value.Should().BeLessThan(0.1);
    }

    [Fact]
    public async Task ADivergingTrainingFailsTheCandidate()
    {
        using var data = SeparableProblem.Create();
        using (var prototypes = Prototypes(data))
        {
            await StoreAsync("huge", images: prototypes * 1e38f);
        }

        using var evaluator = Evaluator("huge", epochs: 2);
        await evaluator.PrepareAsync(data.Info, CancellationToken.None);

        var score = await evaluator.EvaluateAsync(NasJobs.For(data), CancellationToken.None);

        score.Failed.Should().BeTrue();
        score.Failure.Should().Contain("diverged");
        double.IsNaN(score.Value).Should().BeTrue();
    }

    [Fact]
    public async Task TheSetsContentIsPartOfTheProtocol()
    {
        await StoreAsync("proxy");
        var first = await ProtocolAsync("proxy");
        var again = await ProtocolAsync("proxy");
        using (var data = SeparableProblem.Create(seed: 8))
        using (var prototypes = Prototypes(data))
        {
            await StoreAsync("proxy", images: prototypes.alias(), overwrite: true);
        }

        var replaced = await ProtocolAsync("proxy");

        first.Should().Contain("\"SetFingerprint\":\"set-");
        again.Should().Be(first);
        replaced.Should().NotBe(first);
    }

    [Fact]
    public async Task EvaluatingBeforePreparingIsAnError()
    {
        using var data = SeparableProblem.Create();
        using var evaluator = Evaluator("proxy");

        await FluentActions.Awaiting(() => evaluator.EvaluateAsync(NasJobs.For(data), CancellationToken.None))
            .Should().ThrowExactlyAsync<InvalidOperationException>();
    }

    private async Task<string> ProtocolAsync(string set)
    {
        var options = new DistilledSetOptions { Set = set };
        using var evaluator = new DistilledSetEvaluator(Options.Create(options), new ProxySets(_workspace.Open()), new CpuDevice(), NasJobs.Training());
        await evaluator.PrepareAsync(SeparableProblem.Info, CancellationToken.None);
        return OptionsJson.Serialize(options);
    }

    private DistilledSetEvaluator Evaluator(string? set, int epochs = 300) =>
        new(
            Options.Create(new DistilledSetOptions { Set = set, Epochs = epochs, BatchSize = 64, LearningRate = 0.05 }),
            new ProxySets(_workspace.Open()),
            new CpuDevice(),
            NasJobs.Training());

    /// <summary>Stores a set of the separable problem's shape: by default its first 30 training images, 10 per class.</summary>
    private async Task StoreAsync(string name, string dataset = "separable", Tensor? images = null, Tensor? softLabels = null, bool overwrite = false)
    {
        if (images is null)
        {
            using var data = SeparableProblem.Create();
            images = Prototypes(data);
        }

        var provenance = new SetProvenance { Method = "random", Dataset = dataset, ImagesPerClass = 10, Seed = 0 };
        using var set = new SyntheticSet(images, Labels(images.shape[0]), provenance) { SoftLabels = softLabels };
        await _workspace.Open().SaveSetAsync(name, set, overwrite, CancellationToken.None);
    }

    private static Tensor Prototypes(Data.DatasetSplits data) => data.Train.Images.narrow(0, 0, 30).clone();

    private static Tensor Labels(long count = 30) => torch.arange(count, dtype: ScalarType.Int64) % SeparableProblem.Classes;
}
