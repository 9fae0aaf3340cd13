using Distillery.Augmentation;
using Distillery.Methods.TrajectoryMatching.Matching;
using Distillery.Tests.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.TrajectoryMatching;

public sealed class StudentPlanTests
{
    [Fact]
    public void EveryPassOverTheSetUsesEachImageOnceAndTheLastBatchIsShort()
    {
        using var generator = new Generator(3);
        using var plan = StudentPlan.Draw(10, 4, 6, AugmentationStrategy.None, 8, 8, generator, CPU);

        plan.Steps.Select(step => step.Rows.shape[0]).Should().Equal([4L, 4, 2, 4, 4, 2]);
        for (var pass = 0; pass < 2; pass++)
        {
            var rows = plan.Steps.Skip(3 * pass).Take(3).SelectMany(step => step.Rows.data<long>().ToArray()).Order();
            rows.Should().Equal(Enumerable.Range(0, 10).Select(i => (long)i));
        }

        plan.Steps.Should().AllSatisfy(step => step.Augmentation.Should().BeNull());
    }

    [Fact]
    public void NoBatchSizeMeansTheWholeSetAndTheSameSeedTheSamePlan()
    {
        using var first = new Generator(5);
        using var second = new Generator(5);
        using var a = StudentPlan.Draw(6, 0, 2, AugmentationStrategy.Parse("flip"), 8, 8, first, CPU);
        using var b = StudentPlan.Draw(6, 0, 2, AugmentationStrategy.Parse("flip"), 8, 8, second, CPU);

        a.Steps.Should().HaveCount(2).And.AllSatisfy(step => step.Rows.shape[0].Should().Be(6));
        using var images = torch.arange(6 * 64, dtype: ScalarType.Float32).reshape(6, 1, 8, 8);
        for (var i = 0; i < 2; i++)
        {
            using var left = a.Steps[i].Batch(images);
            using var right = b.Steps[i].Batch(images);
            left.Should().BeBitEqualTo(right);
        }
    }
}
