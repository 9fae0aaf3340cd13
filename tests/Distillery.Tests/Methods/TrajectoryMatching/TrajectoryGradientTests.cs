using Distillery.Augmentation;
using Distillery.Methods.TrajectoryMatching.Functional;
using Distillery.Methods.TrajectoryMatching.Matching;
using Distillery.Tests.Kit;
using Distillery.Tests.Methods.DistributionMatching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.TrajectoryMatching;

/// <summary>mtt (unrolled) and tesla (constant memory) must give the same gradients, which must be the loss's.</summary>
public sealed class TrajectoryGradientTests
{
    [Theory]
    [InlineData("none", 0, 4)]
    [InlineData("none", 3, 5)]
    [InlineData("flip_scale_rotate", 4, 3)]
    public void MttAndTeslaGiveTheSameImageAndLearningRateGradients(string augmentation, int batch, int steps)
    {
        using var scope = torch.NewDisposeScope();
        var (network, start, target, images, labels, rate) = Problem();
        using var generator = new Generator(21);
        using var plan = StudentPlan.Draw(images.shape[0], batch, steps, AugmentationStrategy.Parse(augmentation), 8, 8, generator, CPU);

        using var unrolled = new UnrolledGradient().Compute(network, start, target, images, labels, rate, plan);
        using var constant = new ConstantMemoryGradient().Compute(network, start, target, images, labels, rate, plan);

        constant.Loss.Should().BeApproximately(unrolled.Loss, 1e-5 * Math.Abs(unrolled.Loss));
        unrolled.Images.abs().max().item<float>().Should().BeGreaterThan(0);
        Gap.Relative(constant.Images, unrolled.Images).Should().BeLessThan(1e-4);
        Gap.Relative(constant.LearningRate, unrolled.LearningRate).Should().BeLessThan(1e-4);
    }

    [Fact]
    public void TheLearningRateGradientMatchesAFiniteDifferenceOfTheLoss()
    {
        using var scope = torch.NewDisposeScope();
        var (network, start, target, images, labels, rate) = Problem(dtype: ScalarType.Float64);
        using var generator = new Generator(4);
        using var plan = StudentPlan.Draw(images.shape[0], 0, 3, AugmentationStrategy.None, 8, 8, generator, CPU);
        using var gradient = new ConstantMemoryGradient().Compute(network, start, target, images, labels, rate, plan);

        const double h = 1e-6;
        double LossAt(double value)
        {
            using var shifted = torch.tensor(new[] { value }, dtype: ScalarType.Float64).requires_grad_(true);
            using var result = new UnrolledGradient().Compute(network, start, target, images, labels, shifted, plan);
            return result.Loss;
        }

        var alpha = rate.item<double>();
        var numeric = (LossAt(alpha + h) - LossAt(alpha - h)) / (2 * h);
        gradient.LearningRate.item<double>().Should().BeApproximately(numeric, 1e-3 * Math.Abs(numeric));
    }

    private static (FunctionalNetwork Network, Tensor Start, Tensor Target, Tensor Images, Tensor Labels, Tensor Rate) Problem(ScalarType dtype = ScalarType.Float32)
    {
        var data = TwoClassProblem.Info;
        var network = new SmallConvNets().Create("convnet:d1-w4", data, seed: 2, CPU);
        if (dtype != ScalarType.Float32)
        {
            network.to(dtype);
        }

        var functional = FunctionalNetwork.Compile(network, "convnet:d1-w4", data, CPU, dtype);
        using var generator = new Generator(8);
        var start = functional.Layout.Flatten(network);
        var target = start + 0.05 * torch.randn(start.shape, generator: generator, dtype: dtype);
        var images = torch.randn([6, 1, 8, 8], generator: generator, dtype: dtype).requires_grad_(true);
        var labels = torch.tensor(new long[] { 0, 0, 0, 1, 1, 1 });
        var rate = torch.tensor(new[] { 0.05 }, dtype: dtype).requires_grad_(true);
        return (functional, start, target, images, labels, rate);
    }
}
