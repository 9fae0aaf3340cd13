using Distillery.Methods.KernelRegression;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.KernelRegression;

public sealed class KernelRidgeRegressionTests
{
    [Fact]
    public void ThePredictionIsTheClosedFormOfASmallCase()
    {
        // F_s = diag(1, 2): K_ss = diag(1, 4), tr = 5, n = 2; λ = 0.2 adds 0.2 · 5 / 2 = 0.5 to the diagonal.
        // F_t = [1, 1]: K_ts = [1, 2]; with Y_s = I the prediction is [1 / 1.5, 2 / 4.5].
        using var support = torch.tensor(new float[] { 1, 0, 0, 2 }, [2, 2]);
        using var target = torch.tensor(new float[] { 1, 1 }, [1, 2]);
        using var labels = torch.eye(2);

        using var prediction = KernelRidgeRegression.Predict(target, support, labels, ridge: 0.2);

        prediction.dtype.Should().Be(ScalarType.Float32);
        prediction.shape.Should().Equal([1L, 2]);
        prediction[0, 0].item<float>().Should().BeApproximately(1 / 1.5f, 1e-6f);
        prediction[0, 1].item<float>().Should().BeApproximately(2 / 4.5f, 1e-6f);
    }

    [Fact]
    public void ItMatchesTheExplicitInverseOnRandomFeatures()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(5);
        var support = torch.randn([6, 9], generator: generator);
        var target = torch.randn([4, 9], generator: generator);
        var labels = torch.randn([6, 3], generator: generator);
        const double ridge = 1e-3;

        var prediction = KernelRidgeRegression.Predict(target, support, labels, ridge);

        var s = support.to_type(ScalarType.Float64);
        var kss = s.mm(s.t());
        var regularised = kss + torch.eye(6, dtype: ScalarType.Float64) * (ridge * kss.trace().item<double>() / 6);
        var expected = target.to_type(ScalarType.Float64).mm(s.t()).mm(torch.linalg.inv(regularised)).mm(labels.to_type(ScalarType.Float64));
        (prediction.to_type(ScalarType.Float64) - expected).abs().max().item<double>().Should().BeLessThan(1e-5);
    }

    [Fact]
    public void TheGradientReachesTheSupportFeaturesAndTheTargets()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(6);
        var support = torch.randn([5, 8], generator: generator).requires_grad_(true);
        var labels = torch.randn([5, 2], generator: generator).requires_grad_(true);
        var target = torch.randn([3, 8], generator: generator);

        var loss = KernelRidgeRegression.Predict(target, support, labels, 1e-2).square().sum();
        var gradients = torch.autograd.grad([loss], [support, labels]);

        gradients[0].abs().sum().item<float>().Should().BeGreaterThan(0);
        gradients[1].abs().sum().item<float>().Should().BeGreaterThan(0);
    }

    [Fact]
    public void AllZeroFeaturesAreAUserErrorNamingTheRidge()
    {
        using var support = torch.zeros([3, 4]);
        using var target = torch.ones([2, 4]);
        using var labels = torch.eye(3);

        var predict = () => KernelRidgeRegression.Predict(target, support, labels, 1e-6);

        predict.Should().Throw<UserErrorException>().WithMessage("*--Methods:frepo:Ridge*");
    }
}
