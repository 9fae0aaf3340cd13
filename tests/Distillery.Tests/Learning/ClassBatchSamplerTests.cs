using Distillery.Data;
using Distillery.Learning;
using Distillery.Tests.Architectures;
using Distillery.Tests.Methods.DistributionMatching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Learning;

public sealed class ClassBatchSamplerTests
{
    [Fact]
    public void ABatchOfEveryClassHoldsDistinctImagesOfEachClassInClassOrder()
    {
        using var data = TwoClassProblem.Create(trainCount: 20);
        using var sampler = new ClassBatchSampler(data.Train);
        using var generator = new Generator(2);
        var counts = sampler.CountsPerClass(4);
        using var batch = sampler.DrawEveryClass(counts, generator);

        counts.Should().Equal(4L, 4L);
        batch.shape[0].Should().Be(8);
        var chosen = SourcesOf(batch, data.Train);
        chosen.Select(source => data.Train.Labels[source].item<long>()).Should().Equal(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L);
        chosen.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void AClassSmallerThanTheBatchIsUsedWhole()
    {
        using var data = TwoClassProblem.Create(trainCount: 10);
        using var sampler = new ClassBatchSampler(data.Train);
        using var generator = new Generator(3);

        sampler.CountsPerClass(256).Should().Equal(5L, 5L);
        using var one = sampler.Draw(1, 256, generator);
        SourcesOf(one, data.Train).Should().BeEquivalentTo(data.Train.IndicesOf(1));
    }

    [Fact]
    public void ABatchOfEveryClassDrawsWhatOneDrawPerClassDrawsFromTheSameGenerator()
    {
        using var data = TwoClassProblem.Create(trainCount: 30);
        using var sampler = new ClassBatchSampler(data.Train);
        using var together = new Generator(7);
        using var apart = new Generator(7);

        using var batch = sampler.DrawEveryClass([4, 6], together);
        using var first = sampler.Draw(0, 4, apart);
        using var second = sampler.Draw(1, 6, apart);
        using var expected = torch.cat([first, second], 0);

        NetworkProbe.Identical(batch, expected).Should().BeTrue();
        using var nextTogether = torch.randperm(100, generator: together);
        using var nextApart = torch.randperm(100, generator: apart);
        NetworkProbe.Identical(nextTogether, nextApart).Should().BeTrue("both took the same draws from their generators");
    }

    [Fact]
    public void AnotherGeneratorStateDrawsOtherImages()
    {
        using var data = TwoClassProblem.Create(trainCount: 40);
        using var sampler = new ClassBatchSampler(data.Train);
        using var generator = new Generator(8);

        using var first = sampler.Draw(0, 5, generator);
        using var second = sampler.Draw(0, 5, generator);

        NetworkProbe.Identical(first, second).Should().BeFalse();
    }

    [Fact]
    public void AClassWithoutImagesIsRefusedByName()
    {
        using var images = torch.zeros([4, 1, 2, 2]);
        using var labels = torch.tensor(new long[] { 0, 0, 2, 2 });
        using var train = new LabeledImages(images, labels, 3);
        using var sampler = new ClassBatchSampler(train);
        using var generator = new Generator(1);

        sampler.Invoking(s => s.CountsPerClass(2)).Should().Throw<UserErrorException>().WithMessage("Class 1 has no training images*");
        sampler.Invoking(s => s.Draw(1, 2, generator)).Should().Throw<UserErrorException>().WithMessage("Class 1 has no training images*");
    }

    private static List<long> SourcesOf(Tensor batch, LabeledImages train)
    {
        using var flat = train.Images.flatten(1);
        var sources = new List<long>();
        for (var row = 0; row < batch.shape[0]; row++)
        {
            using var distances = (flat - batch[row].flatten()).abs().sum(1);
            sources.Add(distances.argmin().item<long>());
        }

        return sources;
    }
}
