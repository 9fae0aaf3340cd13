using Distillery.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.GradientMatching;

/// <summary>
/// Watches networks' forward passes: for each, the batch size, whether gradients were on, whether the batch-norm layers were in training mode,
/// and whether their running statistics (running_mean, running_var) moved during the pass.
/// </summary>
internal sealed class BatchNormPasses
{
    private readonly List<Pass> _passes = [];

    public IReadOnlyList<Pass> All => _passes;

    public void Watch(Network network)
    {
        var norms = network.modules().OfType<BatchNorm2d>().ToList();
        Tensor? before = null;
        network.register_forward_pre_hook((_, input) =>
        {
            before = Statistics(norms);
            return input;
        });
        network.register_forward_hook((_, input, output) =>
        {
            using var after = Statistics(norms);
            _passes.Add(new Pass(input.shape[0], torch.is_grad_enabled(), norms.All(n => n.training), !after.eq(before!).all().item<bool>()));
            before!.Dispose();
            return output;
        });
    }

    private static Tensor Statistics(IEnumerable<BatchNorm2d> norms)
    {
        using var noGrad = torch.no_grad();
        return torch.cat(norms.SelectMany(n => new[] { n.running_mean!, n.running_var! }).ToList()).clone();
    }

    public sealed record Pass(long Batch, bool GradEnabled, bool Training, bool Moved);
}
