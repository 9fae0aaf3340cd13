using Distillery.Nas.Evaluators.ZeroCost;
using Distillery.Networks;
using Distillery.Tests.Architectures;
using Distillery.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

public sealed class NaswotTests
{
    // Two images whose codes differ in 2 of 4 units: K = [[4, 2], [2, 4]], det K = 12.
    private static Tensor TwoImages() => torch.tensor(new[] { 1f, 2f, -1f, -3f, 0.5f, -2f, 4f, -1f }).reshape(2, 1, 1, 4);

    [Fact]
    public void TwoImagesWithHalfTheirCodesDifferentScoreLogTwelve()
    {
        using var network = new LayerNetwork(nn.ReLU());
        using var images = TwoImages();

        Naswot.Score(network, images).Should().BeApproximately(Math.Log(12), 1e-12);
    }

    [Fact]
    public void ASigmoidLayerIsReadByTheSignOfItsInput()
    {
        using var network = new LayerNetwork(nn.Sigmoid());
        using var images = TwoImages();

        Naswot.Score(network, images).Should().BeApproximately(Math.Log(12), 1e-12);
    }

    [Fact]
    public void TheKernelSumsOverEveryActivationLayer()
    {
        // The second ReLU sees the first one's output: the same codes again, K = [[8, 4], [4, 8]], det K = 48.
        using var network = new LayerNetwork(nn.ReLU(), nn.LeakyReLU(0.01));
        using var images = TwoImages();

        Naswot.Score(network, images).Should().BeApproximately(Math.Log(48), 1e-12);
    }

    [Fact]
    public void IdenticalCodesGiveASingularKernelAndTheLowestScore()
    {
        using var network = new LayerNetwork(nn.ReLU());
        using var images = torch.tensor(new[] { 1f, -2f, 3f, -4f, 2f, -1f, 5f, -3f }).reshape(2, 1, 1, 4);

        Naswot.Score(network, images).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void IsFiniteAndRepeatableForAFreshConvNet()
    {
        using var network = SeededConstruction.Build(5, torch.CPU, () => ConvNetTests.Architecture.Create(new NetworkSpec("d2-w16-relu-batchnorm-maxpool", 1, 28, 28, 10)));
        using var images = NetworkProbe.Images(8, 1, 28, 28);

        var score = Naswot.Score(network, images);

        double.IsFinite(score).Should().BeTrue();
        Naswot.Score(network, images).Should().Be(score);
    }

    [Fact]
    public void ANetworkWithoutActivationModulesIsAUserError()
    {
        using var network = new TinyNetwork(16, 3);
        using var images = NetworkProbe.Images(2, 1, 4, 4);

        FluentActions.Invoking(() => Naswot.Score(network, images))
            .Should().Throw<UserErrorException>().WithMessage("*activation*");
    }
}
