using System.Collections;
using System.Text.Json.Nodes;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Runs;
using Distillery.Training;
using static Distillery.Tests.Training.TrainingSetFixtures;

namespace Distillery.Tests.Training;

[Collection(GlobalTorchRandomCollection.Name)]
public sealed class LearnedLearningRateTests : IDisposable
{
    private const double SetRate = 0.037;

    private readonly string _folder = Directory.CreateTempSubdirectory("distillery-learned-lr-").FullName;

    [Fact]
    public void ASetsLearningRateReplacesTheConfiguredOneAndStillDecays()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var train = new TrainingSet(data.Train.Images.alias(), data.Train.Labels.alias(), SeparableProblem.Classes, learningRate: SetRate);
        using var network = SeededNetwork(seed: 2);
        var rates = new List<double>();

        new NetworkTrainer().Train(
            network, train, new TrainingOptions { Epochs = 4, BatchSize = 8, LearningRate = 0.05 }, seed: 1, progress: null,
            new EpochWatch(new EpochObserver(epoch => rates.Add(epoch.LearningRate))), CancellationToken.None);

        double[] expected = [SetRate, SetRate, SetRate * LearningRateSchedule.DecayFactor, SetRate * LearningRateSchedule.DecayFactor];
        rates.Select(rate => Math.Round(rate, 9)).Should().Equal(expected.Select(rate => Math.Round(rate, 9)));
    }

    [Fact]
    public async Task AnImportedSetsLearningRateIsUsedAndReported()
    {
        using var data = SeparableProblem.Create();
        var path = WriteSetFile(_folder, new Hashtable
        {
            ["images"] = data.Train.Images.clone(),
            ["labels"] = data.Train.Labels.clone(),
            ["lr"] = SetRate,
        });
        using var imported = Import(path);
        using var train = TrainingSet.Of(imported, SeparableProblem.Classes);
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = 2, Epochs = 4, BatchSize = 64, LearningRate = 0.05 };
        var firstRates = new Dictionary<int, double>();

        var result = await evaluator.EvaluateAsync(
            train, data, "tiny", options, seed: 3, NullProgressReporter.Instance,
            network => new EpochObserver(epoch =>
            {
                if (epoch.Epoch == 1)
                {
                    firstRates[network] = epoch.LearningRate;
                }
            }),
            CancellationToken.None);

        firstRates.Should().BeEquivalentTo(new Dictionary<int, double> { [0] = SetRate, [1] = SetRate });
        result.LearningRate.Should().Be(SetRate);
        result.LearningRateFromSet.Should().BeTrue();
        result.SoftLabels.Should().BeFalse();

        var report = new SetEvaluationReport("imported", "imported", "separable", 80, options, [result], []);
        var json = SetEvaluationReports.ToJson(report)["results"]!.AsArray().Single()!.AsObject();
        json["learning_rate"]!.GetValue<double>().Should().Be(SetRate);
        json["learning_rate_from_set"]!.GetValue<bool>().Should().BeTrue();
        json["soft_labels"]!.GetValue<bool>().Should().BeFalse();
        SetEvaluationReports.ToTable(report).Title.Should()
            .Contain("the set trained with the set's learning rate 0.037, the random subset with hard labels at learning rate 0.05");
    }

    [Fact]
    public async Task WithUseSetLearningRateOffASetTrainsAtTheConfiguredRateAsIfItHadNone()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var withRate = new TrainingSet(data.Train.Images.alias(), data.Train.Labels.alias(), SeparableProblem.Classes, learningRate: SetRate);
        using var withoutRate = TrainingSet.Of(data.Train);
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = 2, Epochs = 3, BatchSize = 8, LearningRate = 0.05, UseSetLearningRate = false };
        var rates = new List<double>();

        var ignored = await evaluator.EvaluateAsync(
            withRate, data, "tiny", options, seed: 3, NullProgressReporter.Instance,
            _ => new EpochObserver(epoch => rates.Add(epoch.LearningRate)), CancellationToken.None);
        var plain = await evaluator.EvaluateAsync(withoutRate, data, "tiny", options, seed: 3, NullProgressReporter.Instance, CancellationToken.None);
        var used = await evaluator.EvaluateAsync(
            withRate, data, "tiny", options.With(), seed: 3, NullProgressReporter.Instance, CancellationToken.None);

        rates.Max().Should().Be(0.05, "every epoch of both networks starts from the configured rate");
        ignored.LearningRate.Should().Be(0.05);
        ignored.LearningRateFromSet.Should().BeFalse();
        ignored.Accuracies.Should().Equal(plain.Accuracies);
        used.LearningRateFromSet.Should().BeFalse("With() keeps the setting");
        withRate.LearningRate.Should().Be(SetRate, "the set itself is left as it was");
        withRate.Images.IsInvalid.Should().BeFalse();
    }

    [Fact]
    public async Task WithoutALearnedRateTheConfiguredOneIsUsedAndTheTitleIsAsBefore()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        using var train = TrainingSet.Of(data.Train);
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = 1, Epochs = 2, BatchSize = 64, LearningRate = 0.05 };

        var result = await evaluator.EvaluateAsync(train, data, "tiny", options, seed: 3, NullProgressReporter.Instance, CancellationToken.None);

        result.LearningRate.Should().Be(0.05);
        result.LearningRateFromSet.Should().BeFalse();
        result.LearnedTraining.Should().BeNull();
        var report = new SetEvaluationReport("random", "random", "separable", 10, options, [result], [result]);
        SetEvaluationReports.ToTable(report).Title.Should().Be("random: random on separable, 10 images per class (2 epochs, augmentation none)");
        SetEvaluationReports.ToJson(report)["baseline"]![0]!["learning_rate_from_set"]!.GetValue<bool>().Should().BeFalse();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void ASetsLearningRateMustBePositive(double rate)
    {
        using var data = SeparableProblem.Create(trainCount: 3);
        using var set = new SyntheticSet(data.Train.Images.alias(), data.Train.Labels.alias(), Imported) { LearnedLearningRate = rate };

        FluentActions.Invoking(() => TrainingSet.Of(set, SeparableProblem.Classes))
            .Should().Throw<UserErrorException>().WithMessage("*learning rate must be a positive number*");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
