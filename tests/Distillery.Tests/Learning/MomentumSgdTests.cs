using Distillery.Learning;
using Distillery.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Learning;

public sealed class MomentumSgdTests
{
    [Fact]
    public void MatchesTorchSgdStepForStep()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(5);
        var start = torch.randn([4, 3], generator: generator);
        var gradients = Enumerable.Range(0, 4).Select(_ => torch.randn([4, 3], generator: generator)).ToArray();

        var ours = start.clone();
        using var sgd = MomentumSgd.Fresh(ours, learningRate: 0.7, momentum: 0.5);
        var theirs = start.clone().requires_grad_(true);
        using var reference = torch.optim.SGD([new TorchSharp.Modules.Parameter(theirs)], 0.7, momentum: 0.5);
        var parameter = reference.parameters().Single();
        foreach (var gradient in gradients)
        {
            sgd.Step(ours, gradient);
            reference.zero_grad();
            (parameter * gradient).sum().backward();
            reference.step();
        }

        NetworkProbe.Identical(ours, parameter.detach()).Should().BeTrue();
    }

    [Fact]
    public void AnOptimizerRebuiltFromItsBufferContinuesExactly()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(6);
        var start = torch.randn([2, 5], generator: generator);
        var gradients = Enumerable.Range(0, 6).Select(_ => torch.randn([2, 5], generator: generator)).ToArray();

        var uninterrupted = start.clone();
        using var whole = MomentumSgd.Fresh(uninterrupted, learningRate: 0.3, momentum: 0.9);
        foreach (var gradient in gradients)
        {
            whole.Step(uninterrupted, gradient);
        }

        var resumed = start.clone();
        Tensor saved;
        using (var first = MomentumSgd.Fresh(resumed, learningRate: 0.3, momentum: 0.9))
        {
            foreach (var gradient in gradients.Take(3))
            {
                first.Step(resumed, gradient);
            }

            saved = first.Buffer.clone();
        }

        using var second = new MomentumSgd(0.3, 0.9, saved);
        foreach (var gradient in gradients.Skip(3))
        {
            second.Step(resumed, gradient);
        }

        NetworkProbe.Identical(resumed, uninterrupted).Should().BeTrue();
        NetworkProbe.Identical(second.Buffer, whole.Buffer).Should().BeTrue();
    }
}
