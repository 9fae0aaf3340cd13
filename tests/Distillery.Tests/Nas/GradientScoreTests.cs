using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Networks;
using Distillery.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

/// <summary>snip and grad_norm: scores of the cross-entropy's gradient with respect to the weights.</summary>
public sealed class GradientScoreTests
{
    [Fact]
    public void OfALinearClassifierTheyAreThoseOfTheCrossEntropysGradient()
    {
        using var scope = torch.NewDisposeScope();
        using var network = SeededConstruction.Build(2, torch.CPU, () => new LayerNetwork(nn.Flatten(), nn.Linear(4, 3)));
        var linear = network.modules().OfType<TorchSharp.Modules.Linear>().Single();
        var images = NetworkProbe.Images(5, 1, 2, 2);
        var labels = torch.tensor(new long[] { 0, 1, 2, 1, 0 });

        // ∂L/∂W = (softmax(x Wᵀ + b) − onehot(y))ᵀ x / N for the mean cross-entropy.
        var x = images.flatten(1).to(ScalarType.Float64);
        var weight = linear.weight!.detach().to(ScalarType.Float64);
        var probabilities = torch.softmax(x.mm(weight.t()) + linear.bias!.detach().to(ScalarType.Float64), 1);
        var gradient = (probabilities - nn.functional.one_hot(labels, 3).to(ScalarType.Float64)).t().mm(x) / 5;

        Snip.Score(network, images, labels).Should().BeApproximately((weight * gradient).abs().sum().item<double>(), 1e-6);
        GradientNorm.Score(network, images, labels).Should().BeApproximately(gradient.square().sum().sqrt().item<double>(), 1e-6);
    }

    [Fact]
    public void AreFinitePositiveAndRepeatableForAFreshConvNetAndLeaveNoGradients()
    {
        using var network = SeededConstruction.Build(5, torch.CPU, () => ConvNetTests.Architecture.Create(new NetworkSpec("d2-w16", 1, 28, 28, 10)));
        using var images = NetworkProbe.Images(8, 1, 28, 28);
        using var labels = torch.arange(8, dtype: ScalarType.Int64) % 10;

        var snip = Snip.Score(network, images, labels);
        var norm = GradientNorm.Score(network, images, labels);

        double.IsFinite(snip).Should().BeTrue();
        snip.Should().BePositive();
        double.IsFinite(norm).Should().BeTrue();
        norm.Should().BePositive();
        Snip.Score(network, images, labels).Should().Be(snip);
        network.parameters().Should().AllSatisfy(p => p.grad.Should().BeNull());
    }
}
