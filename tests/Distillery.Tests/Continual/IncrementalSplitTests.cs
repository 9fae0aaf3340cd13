using Distillery.Data;
using Distillery.Scenarios.Continual;
using TorchSharp;

namespace Distillery.Tests.Continual;

public sealed class IncrementalSplitTests
{
    [Fact]
    public void EveryClassArrivesOnceInStepsOfEqualSize()
    {
        var split = IncrementalSplit.Draw(classes: 10, steps: 5, seed: 3, order: 0);

        split.StepCount.Should().Be(5);
        split.Steps.Should().AllSatisfy(step => step.Count.Should().Be(2));
        split.Steps.SelectMany(s => s).Order().Should().Equal(Enumerable.Range(0, 10));
        split.ClassesThrough(1).Should().Equal(split.Steps[0].Concat(split.Steps[1]));
    }

    [Fact]
    public void TheSameSeedAndOrderGiveTheSameClassesAndOtherOrdersOthers()
    {
        var first = IncrementalSplit.Draw(10, 5, seed: 3, order: 0);
        var again = IncrementalSplit.Draw(10, 5, seed: 3, order: 0);
        var next = IncrementalSplit.Draw(10, 5, seed: 3, order: 1);
        var otherSeed = IncrementalSplit.Draw(10, 5, seed: 4, order: 0);

        Flat(again).Should().Equal(Flat(first));
        Flat(next).Should().NotEqual(Flat(first));
        Flat(otherSeed).Should().NotEqual(Flat(first));
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(10, 11)]
    [InlineData(6, 0)]
    public void StepsThatDoNotDivideTheClassesAreAUserErrorThatNamesTheChoices(int classes, int steps)
    {
        var error = FluentActions.Invoking(() => IncrementalSplit.Draw(classes, steps, 0, 0)).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain($"Steps {steps}");
        error.Message.Should().Contain("use one of");
    }

    [Fact]
    public void AStepGivenToAMethodIsRelabelledFromZeroAndKeepsItsRows()
    {
        using var data = Tiny.Images(classes: 4, perClass: 3);

        using var local = ClassSubset.SelectRelabelled(data, [3, 1], out var rows);
        using var global = ClassSubset.Select(data, [3, 1]);

        local.NumClasses.Should().Be(2);
        local.Labels.data<long>().ToArray().Should().Equal([0L, 0, 0, 1, 1, 1]);
        global.Labels.data<long>().ToArray().Should().Equal([3L, 3, 3, 1, 1, 1]);
        global.NumClasses.Should().Be(4);
        rows.Should().Equal(data.IndicesOf(3).Concat(data.IndicesOf(1)));
        local.Images.eq(global.Images).all().item<bool>().Should().BeTrue();
    }

    private static int[] Flat(IncrementalSplit split) => split.Steps.SelectMany(s => s).ToArray();
}

/// <summary>Small generated labelled images.</summary>
internal static class Tiny
{
    /// <summary><paramref name="perClass"/> 1×4×4 images per class, interleaved by class, each filled with its row number.</summary>
    public static LabeledImages Images(int classes, int perClass)
    {
        var count = classes * perClass;
        var images = torch.arange(count, dtype: torch.ScalarType.Float32).view(count, 1, 1, 1).expand(count, 1, 4, 4).contiguous();
        var labels = torch.arange(count, dtype: torch.ScalarType.Int64).remainder(classes);
        return new LabeledImages(images, labels, classes);
    }
}
