using Distillery.Data;
using Distillery.Scenarios.Continual;
using TorchSharp;

namespace Distillery.Tests.Continual;

public sealed class IncrementalSplitTests
{
    [Fact]
    public void Every_class_arrives_once_in_steps_of_equal_size()
    {
        var split = IncrementalSplit.Draw(classes: 10, steps: 5, seed: 3, order: 0);

        Assert.Equal(5, split.StepCount);
        Assert.All(split.Steps, step => Assert.Equal(2, step.Count));
        Assert.Equal(Enumerable.Range(0, 10), split.Steps.SelectMany(s => s).Order());
        Assert.Equal(split.Steps[0].Concat(split.Steps[1]), split.ClassesThrough(1));
    }

    [Fact]
    public void The_same_seed_and_order_give_the_same_classes_and_other_orders_others()
    {
        var first = IncrementalSplit.Draw(10, 5, seed: 3, order: 0);
        var again = IncrementalSplit.Draw(10, 5, seed: 3, order: 0);
        var next = IncrementalSplit.Draw(10, 5, seed: 3, order: 1);
        var otherSeed = IncrementalSplit.Draw(10, 5, seed: 4, order: 0);

        Assert.Equal(Flat(first), Flat(again));
        Assert.NotEqual(Flat(first), Flat(next));
        Assert.NotEqual(Flat(first), Flat(otherSeed));
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(10, 11)]
    [InlineData(6, 0)]
    public void Steps_that_do_not_divide_the_classes_are_a_user_error_that_names_the_choices(int classes, int steps)
    {
        var error = Assert.Throws<UserErrorException>(() => IncrementalSplit.Draw(classes, steps, 0, 0));

        Assert.Contains($"Steps {steps}", error.Message);
        Assert.Contains("use one of", error.Message);
    }

    [Fact]
    public void A_step_given_to_a_method_is_relabelled_from_zero_and_keeps_its_rows()
    {
        using var data = Tiny.Images(classes: 4, perClass: 3);

        using var local = ClassSubset.SelectRelabelled(data, [3, 1], out var rows);
        using var global = ClassSubset.Select(data, [3, 1]);

        Assert.Equal(2, local.NumClasses);
        Assert.Equal([0L, 0, 0, 1, 1, 1], local.Labels.data<long>().ToArray());
        Assert.Equal([3L, 3, 3, 1, 1, 1], global.Labels.data<long>().ToArray());
        Assert.Equal(4, global.NumClasses);
        Assert.Equal(data.IndicesOf(3).Concat(data.IndicesOf(1)), rows);
        Assert.True(local.Images.eq(global.Images).all().item<bool>());
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
