using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Networks;
using Distillery.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

public sealed class SynflowTests
{
    [Fact]
    public void OfALinearLayerIsTheLogOfItsAbsoluteWeightSum()
    {
        using var network = new LayerNetwork(nn.Flatten(), nn.Linear(3, 2));
        using (torch.no_grad())
        {
            var linear = network.modules().OfType<TorchSharp.Modules.Linear>().Single();
            using var weights = torch.tensor(new[] { 1f, -2f, 0.5f, -0.25f, 3f, 0f }).reshape(2, 3);
            using var bias = torch.tensor(new[] { -7f, 11f });
            linear.weight!.copy_(weights);
            linear.bias!.copy_(bias);
        }

        // L = Σ_j (Σ_i |w_ji| + |b_j|): every weight's gradient is 1, and biases are not scored.
        Synflow.Score(network, 1, 1, 3).Should().BeApproximately(Math.Log(6.75), 1e-12);
    }

    [Fact]
    public void IsFiniteForAFreshConvNetAndLeavesItAsItWas()
    {
        using var network = SeededConstruction.Build(5, torch.CPU, () => ConvNetTests.Architecture.Create(new NetworkSpec("d3-w16", 1, 28, 28, 10)));
        using var images = NetworkProbe.Images(2, 1, 28, 28);
        network.eval();
        using var before = network.call(images);
        network.train();

        var score = Synflow.Score(network, 1, 28, 28);

        double.IsFinite(score).Should().BeTrue();
        score.Should().BePositive("the synaptic flow of a ConvNet is far above 1");
        network.training.Should().BeTrue();
        network.parameters().Should().AllSatisfy(p => p.dtype.Should().Be(ScalarType.Float32));
        network.eval();
        using var after = network.call(images);
        NetworkProbe.Identical(before, after).Should().BeTrue("the weights' signs and precision are restored");
    }

    [Fact]
    public void TheSameWeightsGiveTheSameScore()
    {
        using var a = SeededConstruction.Build(5, torch.CPU, () => ConvNetTests.Architecture.Create(new NetworkSpec("d2-w8", 1, 28, 28, 10)));
        using var b = SeededConstruction.Build(5, torch.CPU, () => ConvNetTests.Architecture.Create(new NetworkSpec("d2-w8", 1, 28, 28, 10)));
        using var other = SeededConstruction.Build(6, torch.CPU, () => ConvNetTests.Architecture.Create(new NetworkSpec("d2-w8", 1, 28, 28, 10)));

        Synflow.Score(b, 1, 28, 28).Should().Be(Synflow.Score(a, 1, 28, 28));
        Synflow.Score(other, 1, 28, 28).Should().NotBe(Synflow.Score(a, 1, 28, 28));
    }
}
