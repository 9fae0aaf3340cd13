using Distillery.Methods.GradientMatching.Distances;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.GradientMatching;

public sealed class GradientDistanceTests
{
    public static TheoryData<string> Names => new() { "wb", "mse", "cos" };

    [Theory]
    [MemberData(nameof(Names))]
    public void IdenticalGradientsAreAtDistanceZero(string name)
    {
        using var scope = torch.NewDisposeScope();
        var gradients = Gradients(seed: 1);

        var distance = GradientDistances.Parse(name).Measure(gradients, gradients).item<float>();

        ((double)distance).Should().BeInRange(-1e-4, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheDistanceGrowsAsTheGradientsDrawApart(string name)
    {
        using var scope = torch.NewDisposeScope();
        var real = Gradients(seed: 1);
        var noise = Gradients(seed: 2);
        var measure = GradientDistances.Parse(name);

        var distances = new[] { 0.0, 0.1, 0.5, 2.0 }
            .Select(amount => measure.Measure(real.Zip(noise, (r, n) => r + amount * n).ToList(), real).item<float>())
            .ToArray();

        for (var i = 1; i < distances.Length; i++)
        {
            ((double)distances[i]).Should().BeGreaterThan(distances[i - 1] + 1e-5, $"{name}: {string.Join(", ", distances)}");
        }
    }

    [Fact]
    public void LayerwiseDistanceIgnoresOneDimensionalParameters()
    {
        using var scope = torch.NewDisposeScope();
        var real = Gradients(seed: 1);
        var changed = real.Select(g => g.dim() == 1 ? -5 * g + 3 : g).ToList();

        var wb = new LayerwiseCosineDistance().Measure(changed, real).item<float>();
        var mse = new SquaredErrorDistance().Measure(changed, real).item<float>();

        ((double)wb).Should().BeInRange(-1e-4, 1e-4);
        mse.Should().BeGreaterThan(1, $"mse {mse} should see the changed biases");
    }

    [Fact]
    public void OnlyOneDimensionalParametersGiveZero()
    {
        using var scope = torch.NewDisposeScope();
        var distance = new LayerwiseCosineDistance().Measure([torch.ones(4)], [-torch.ones(4)]).item<float>();
        distance.Should().Be(0f);
    }

    [Fact]
    public void LayerwiseDistanceSumsOneMinusCosinePerOutputChannel()
    {
        using var scope = torch.NewDisposeScope();
        // Two output channels of a 4-D weight: the first identical (cosine 1), the second opposite (cosine −1).
        var real = torch.tensor(new float[] { 1, 2, 3, 4, 1, 0, 0, 1 }).reshape(2, 1, 2, 2);
        var synthetic = torch.tensor(new float[] { 2, 4, 6, 8, -1, 0, 0, -1 }).reshape(2, 1, 2, 2);
        // A 3-D weight [c, h, w] is compared per channel too: two orthogonal rows (cosine 0 each).
        var realNorm = torch.tensor(new float[] { 1, 0, 0, 1 }).reshape(2, 1, 2);
        var syntheticNorm = torch.tensor(new float[] { 0, 1, 1, 0 }).reshape(2, 1, 2);

        var distance = new LayerwiseCosineDistance().Measure([synthetic, syntheticNorm], [real, realNorm]).item<float>();

        ((double)distance).Should().BeApproximately(0 + 2 + 1 + 1, 5e-4);
    }

    [Fact]
    public void SquaredErrorAndCosineUseTheWholeFlatVector()
    {
        using var scope = torch.NewDisposeScope();
        Tensor[] real = [torch.tensor(new float[] { 1, 0 }), torch.tensor(new float[] { 0, 0, 0, 0 }).reshape(2, 2)];
        Tensor[] synthetic = [torch.tensor(new float[] { 0, 1 }), torch.tensor(new float[] { 0, 0, 0, 2 }).reshape(2, 2)];

        ((double)new SquaredErrorDistance().Measure(synthetic, real).item<float>()).Should().BeApproximately(1 + 1 + 4, 5e-5);
        ((double)new FlatCosineDistance().Measure(synthetic, real).item<float>()).Should().BeApproximately(1, 5e-5);
    }

    [Fact]
    public void AnUnknownDistanceIsAUserErrorThatListsTheValidOnes()
    {
        var error = FluentActions.Invoking(() => GradientDistances.Parse("euclid")).Should().ThrowExactly<UserErrorException>().Which;
        error.Message.Should().Contain("'euclid'");
        error.Message.Should().Contain("wb, mse, cos");
    }

    [Fact]
    public void NamesAreCaseInsensitive() => GradientDistances.Parse("COS").Should().BeOfType<FlatCosineDistance>();

    /// <summary>The gradient shapes of a small convolutional network: conv weight and bias, norm scale, linear weight and bias.</summary>
    private static List<Tensor> Gradients(int seed)
    {
        using var generator = new Generator((ulong)seed);
        return
        [
            torch.randn([4, 2, 3, 3], generator: generator),
            torch.randn([4], generator: generator),
            torch.randn([4], generator: generator),
            torch.randn([3, 16], generator: generator),
            torch.randn([3], generator: generator),
        ];
    }
}
