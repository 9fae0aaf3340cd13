using Distillery.Methods.KernelRegression;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.KernelRegression;

public sealed class AdamMomentsTests
{
    [Fact]
    public void ThreeStepsEqualTorchsAdam()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(8);
        var start = torch.randn([5, 3], generator: generator);
        var gradients = Enumerable.Range(0, 3).Select(_ => torch.randn([5, 3], generator: generator)).ToArray();

        var ours = start.clone().requires_grad_(true);
        using var adam = AdamMoments.Fresh(ours, 0.01);
        foreach (var gradient in gradients)
        {
            adam.Step(ours, gradient);
        }

        var theirs = new TorchSharp.Modules.Parameter(start.clone());
        using var reference = torch.optim.Adam([theirs], lr: 0.01);
        foreach (var gradient in gradients)
        {
            reference.zero_grad();
            theirs.grad = gradient.clone();
            reference.step();
        }

        adam.Steps.Should().Be(3);
        (ours.detach() - theirs.detach()).abs().max().item<float>().Should().BeLessThan(1e-6f);
        (ours.detach() - start).abs().max().item<float>().Should().BeGreaterThan(0.02f);
    }
}
