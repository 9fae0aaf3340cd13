using Distillery.Augmentation;
using Distillery.Learning;
using Distillery.Methods.GradientMatching.Distances;
using Distillery.Methods.GradientMatching.Matching;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.GradientMatching;

public sealed class MatchingStepTests : IDisposable
{
    private readonly MatchingProblem _problem = MatchingProblem.Create();

    public void Dispose() => _problem.Dispose();

    [Fact]
    public void SiameseAugmentationTransformsRealAndSyntheticBatchesAlike()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(3);
        var augmentation = new SiameseAugmentation(AugmentationStrategy.Parse("color_crop_cutout_flip_scale_rotate", AugmentationMode.Multiple), generator);
        var real = _problem.Train.Images.narrow(0, 0, 8);
        var synthetic = real.narrow(0, 2, 3).clone();

        var (first, firstSynthetic) = augmentation.Apply(real, synthetic);
        var (second, _) = augmentation.Apply(real, synthetic);

        firstSynthetic.allclose(first.narrow(0, 2, 3), rtol: 1e-5, atol: 1e-5).Should().BeTrue();
        first.allclose(real).Should().BeFalse("the augmentation changed nothing");
        first.allclose(second).Should().BeFalse("two calls drew the same augmentation");
    }

    [Theory]
    [InlineData("color_crop_cutout_flip_scale_rotate")]
    [InlineData("crop")]
    [InlineData("cutout")]
    public void MatchingASyntheticBatchEqualToTheRealOneIsZeroUnderSiameseAugmentation(string strategy)
    {
        // Identical batches transformed alike give identical gradients; one transform each would not.
        using var scope = torch.NewDisposeScope();
        using var network = NewNetwork();
        var parameters = network.parameters().Cast<Tensor>().ToList();
        using var generator = new Generator(5);
        var augmentation = new SiameseAugmentation(AugmentationStrategy.Parse(strategy), generator);
        var matcher = new GradientMatcher(new LayerwiseCosineDistance());
        var real = _problem.Train.ImagesOf(1);
        var images = real.clone().requires_grad_();
        var gradient = torch.zeros_like(images);

        for (var draw = 0; draw < 4; draw++)
        {
            var distance = matcher.MatchClass(network, parameters, real, images.narrow(0, 0, real.shape[0]), 1, augmentation, gradient);
            distance.Should().BeInRange(-1e-3, 1e-3);
        }

        using var unpaired = new Generator(6);
        var separate = DifferentiableAugmentation.Apply(real, AugmentationStrategy.Parse(strategy), unpaired, siamese: false);
        var apart = matcher.MatchClass(network, parameters, separate, images.narrow(0, 0, real.shape[0]), 1, augmentation: null, gradient);
        apart.Should().BeGreaterThan(1e-3, $"differently augmented batches matched too well: {apart}");
    }

    [Theory]
    [InlineData("wb")]
    [InlineData("mse")]
    [InlineData("cos")]
    public void RepeatedMatchingStepsLowerTheMatchingLoss(string distanceName)
    {
        using var scope = torch.NewDisposeScope();
        using var network = NewNetwork();
        var parameters = network.parameters().Cast<Tensor>().ToList();
        using var sampler = new ClassBatchSampler(_problem.Train);
        using var draws = new Generator(1);
        using var noise = new Generator(2);
        var images = torch.randn([MatchingProblem.Classes * 2, 1, 16, 16], generator: noise).requires_grad_();
        using var optimizer = new MomentumSgd(0.1, 0.5, torch.zeros_like(images));
        var matcher = new GradientMatcher(GradientDistances.Parse(distanceName));

        var losses = new List<double>();
        for (var step = 0; step < 15; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            var gradient = torch.zeros_like(images);
            losses.Add(matcher.MatchClasses(network, parameters, sampler, images, 2, MatchingProblem.PerClass, draws, augmentation: null, gradient));
            optimizer.Step(images, gradient);
        }

        (losses[^1] < losses[0] - 1e-3 && losses[^1] == losses.Min()).Should().BeTrue($"{distanceName}: {string.Join(", ", losses.Select(l => l.ToString("G3")))}");
    }

    [Fact]
    public void TheImageGradientIsTheGradientOfTheSummedDistance()
    {
        // MatchClasses accumulates per-class gradients; they must equal one backward pass through the summed loss.
        using var scope = torch.NewDisposeScope();
        using var network = NewNetwork();
        var parameters = network.parameters().Cast<Tensor>().ToList();
        var distance = new LayerwiseCosineDistance();
        using var noise = new Generator(2);
        var images = torch.randn([MatchingProblem.Classes, 1, 16, 16], generator: noise).requires_grad_();
        var reals = Enumerable.Range(0, MatchingProblem.Classes).Select(c => _problem.Train.ImagesOf(c)).ToList();

        var accumulated = torch.zeros_like(images);
        var matcher = new GradientMatcher(distance);
        for (var c = 0; c < MatchingProblem.Classes; c++)
        {
            matcher.MatchClass(network, parameters, reals[c], images.narrow(0, c, 1), c, null, accumulated.narrow(0, c, 1));
        }

        Tensor? total = null;
        for (var c = 0; c < MatchingProblem.Classes; c++)
        {
            var label = torch.full([reals[c].shape[0]], c, dtype: ScalarType.Int64);
            var real = torch.autograd.grad([nn.functional.cross_entropy(network.call(reals[c]), label)], parameters).Select(g => g.detach()).ToList();
            var synthetic = torch.autograd.grad(
                [nn.functional.cross_entropy(network.call(images.narrow(0, c, 1)), torch.full([1], c, dtype: ScalarType.Int64))],
                parameters, retain_graph: true, create_graph: true);
            var term = distance.Measure(synthetic.ToList(), real);
            total = total is null ? term : total + term;
        }

        var expected = torch.autograd.grad([total!], [images])[0];
        accumulated.allclose(expected, rtol: 1e-4, atol: 1e-6).Should().BeTrue();
        accumulated.abs().sum().item<float>().Should().BeGreaterThan(0);
    }

    [Fact]
    public void BatchNormFreezerUpdatesTheStatisticsThenFreezesThem()
    {
        using var scope = torch.NewDisposeScope();
        using var network = NewNetwork("d1-w8-batchnorm");
        var freezer = BatchNormFreezer.For(network);
        freezer.Should().NotBeNull();
        BatchNormFreezer.For(NewNetwork()).Should().BeNull();
        var norm = network.modules().OfType<TorchSharp.Modules.BatchNorm2d>().Single();
        var before = norm.running_mean!.clone();

        freezer.Freeze(network, _problem.Train.Images);

        norm.running_mean!.allclose(before).Should().BeFalse();
        norm.training.Should().BeFalse();
        network.training.Should().BeTrue();
    }

    private static Network NewNetwork(string variant = "d1-w8")
    {
        return new MatchingProblem.ConvNetFactory().Create($"convnet:{variant}", MatchingProblem.Info, 9, torch.CPU);
    }
}
