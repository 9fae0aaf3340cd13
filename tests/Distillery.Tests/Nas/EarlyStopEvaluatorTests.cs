using Distillery.Nas.Evaluators;
using Distillery.Tests.Training;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

public sealed class EarlyStopEvaluatorTests
{
    [Fact]
    public async Task TrainsOneEpochOverStepsTimesBatchSizeImagesDrawnFromTheJobsSeed()
    {
        using var data = SeparableProblem.Create();
        var trainer = new RecordingTrainer();
        var evaluator = Evaluator(trainer, steps: 3);

        var score = await evaluator.EvaluateAsync(NasJobs.For(data, seed: 1), CancellationToken.None);
        await evaluator.EvaluateAsync(NasJobs.For(data, seed: 1), CancellationToken.None);
        await evaluator.EvaluateAsync(NasJobs.For(data, seed: 2), CancellationToken.None);

        score.Failed.Should().BeFalse(score.Failure);
        score.Details["steps"].Should().Be(3);
        score.Details["images"].Should().Be(48);
        score.Details["epochs"].Should().Be(1);
        var (images, labels, options) = trainer.Trainings[0];
        labels.Should().HaveCount(48);
        options.Epochs.Should().Be(1);
        options.BatchSize.Should().Be(16);
        trainer.Trainings[1].Images.Should().Equal(images);
        trainer.Trainings[2].Images.Should().NotEqual(images);
        evaluator.Epochs.Should().Be(1);
    }

    [Fact]
    public async Task ASmallerTrainingSetIsTrainedOnWhole()
    {
        using var data = SeparableProblem.Create(trainCount: 100);
        var trainer = new RecordingTrainer();

        var score = await Evaluator(trainer, steps: 100).EvaluateAsync(NasJobs.For(data), CancellationToken.None);

        trainer.Trainings.Should().ContainSingle().Which.Labels.Should().HaveCount(100);
        score.Details["steps"].Should().Be(7);
        score.Details["images"].Should().Be(100);
    }

    [Fact]
    public void ItsDefaultsAreAHundredStepsOfBatch256()
    {
        var options = new EarlyStopOptions();

        (options.Steps, options.BatchSize, options.Networks).Should().Be((100, 256, 1));
        options.ToTraining().Epochs.Should().Be(1);
    }

    private static EarlyStopEvaluator Evaluator(RecordingTrainer trainer, int steps) =>
        new(Options.Create(new EarlyStopOptions { Steps = steps, BatchSize = 16, LearningRate = 0.05 }), NasJobs.Training(trainer));
}
