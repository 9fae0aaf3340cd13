using Distillery.Nas.Evaluators;
using Distillery.Tests.Training;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Nas;

public sealed class SubsetEvaluatorTests
{
    [Fact]
    public async Task TrainsOnImagesPerClassRealImagesDrawnFromTheJobsSeed()
    {
        using var data = SeparableProblem.Create();
        var trainer = new RecordingTrainer();
        var evaluator = Evaluator(trainer, imagesPerClass: 4);

        var score = await evaluator.EvaluateAsync(NasJobs.For(data, seed: 1), CancellationToken.None);
        await evaluator.EvaluateAsync(NasJobs.For(data, seed: 1), CancellationToken.None);
        await evaluator.EvaluateAsync(NasJobs.For(data, seed: 2), CancellationToken.None);

        score.Failed.Should().BeFalse(score.Failure);
        score.Value.Should().BeInRange(0, 1);
        var (images, labels, options) = trainer.Trainings[0];
        labels.Should().HaveCount(4 * SeparableProblem.Classes);
        labels.GroupBy(l => l).Should().AllSatisfy(g => g.Should().HaveCount(4));
        options.Epochs.Should().Be(2);
        trainer.Trainings[1].Images.Should().Equal(images);
        trainer.Trainings[2].Images.Should().NotEqual(images);
    }

    [Fact]
    public async Task MoreImagesPerClassThanAClassHasIsRefusedNamingTheSetting()
    {
        using var data = SeparableProblem.Create(trainCount: 30);
        var evaluator = Evaluator(new RecordingTrainer(), imagesPerClass: 11);

        var error = (await FluentActions.Awaiting(() => evaluator.EvaluateAsync(NasJobs.For(data), CancellationToken.None))
            .Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("CandidateEvaluators:subset:ImagesPerClass").And.Contain("10");
        error.Setting.Should().Be("CandidateEvaluators:subset:ImagesPerClass");
    }

    [Fact]
    public void ItsDefaultsAreThoseOfTheSetEvaluator()
    {
        var subset = new SubsetOptions();
        var set = new DistilledSetOptions();

        subset.ImagesPerClass.Should().Be(10);
        (subset.Epochs, subset.Networks, subset.Augmentation).Should().Be((set.Epochs, set.Networks, set.Augmentation));
        (subset.Epochs, subset.Networks, subset.Augmentation).Should().Be((300, 1, "none"));
    }

    private static SubsetEvaluator Evaluator(RecordingTrainer trainer, int imagesPerClass) =>
        new(Options.Create(new SubsetOptions { ImagesPerClass = imagesPerClass, Epochs = 2, BatchSize = 8 }), NasJobs.Training(trainer));
}
