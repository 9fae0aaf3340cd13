using System.Globalization;
using Distillery.Data;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Functional;

/// <summary>
/// A network's forward pass as a function of a flat parameter vector (see <see cref="ParameterLayout"/>): the
/// student of trajectory matching takes its SGD steps on that vector, and the loss differentiates through them. Built by
/// reading the network's layers in order, so it covers networks that are a stack of supported layers — the ConvNet
/// family with instance, group or no normalization, ReLU or sigmoid, average or max pooling, and a linear classifier
/// on the flattened features. Batch normalization keeps running statistics, which a functional pass has no place for,
/// and is refused.
/// </summary>
internal sealed class FunctionalNetwork
{
    /// <summary>How far the functional forward may stray from the module's on the probe batch of <see cref="Compile"/>.</summary>
    public const double Tolerance = 1e-4;

    private readonly IReadOnlyList<FunctionalLayer> _layers;

    private FunctionalNetwork(ParameterLayout layout, IReadOnlyList<FunctionalLayer> layers)
    {
        Layout = layout;
        _layers = layers;
    }

    public ParameterLayout Layout { get; }

    /// <summary>
    /// The functional form of <paramref name="network"/>. It is checked against the module's forward on two random
    /// images of <paramref name="dataset"/>'s shape, so a network whose layers do not run in the order they are
    /// declared is refused rather than matched wrongly.
    /// </summary>
    /// <exception cref="UserErrorException">The network has a layer the functional forward cannot compute, or it does not reproduce the module.</exception>
    public static FunctionalNetwork Compile(Network network, string architecture, DatasetInfo dataset, Device device, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(dataset);
        var layers = new List<FunctionalLayer>();
        Collect(network, string.Empty, architecture, layers);
        var compiled = new FunctionalNetwork(ParameterLayout.Of(network), layers);
        compiled.CheckAgainst(network, architecture, dataset, device, dtype);
        return compiled;
    }

    /// <summary>The logits of <paramref name="input"/> under the parameters <paramref name="flat"/>.</summary>
    public Tensor Forward(Tensor flat, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(flat);
        ArgumentNullException.ThrowIfNull(input);
        Layout.CheckSize(flat);
        using var scope = torch.NewDisposeScope();
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x, flat, Layout);
        }

        return x.MoveToOuterDisposeScope();
    }

    private static void Collect(nn.Module module, string name, string architecture, List<FunctionalLayer> layers)
    {
        var children = module.named_children().ToList();
        if (children.Count == 0)
        {
            layers.Add(FunctionalLayer.For(name, module) ?? throw Unsupported(architecture, name, module));
            return;
        }

        foreach (var (childName, child) in children)
        {
            Collect(child, name.Length == 0 ? childName : $"{name}.{childName}", architecture, layers);
        }
    }

    private static UserErrorException Unsupported(string architecture, string name, nn.Module module) => new(
        $"Trajectory matching needs a functional forward of '{architecture}', which has a layer it cannot compute: {name} ({module.GetType().Name}). " +
        "Use a ConvNet without batch normalization (e.g. --arch convnet).");

    private void CheckAgainst(Network network, string architecture, DatasetInfo dataset, Device device, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var generator = new Generator(17, torch.CPU);
        var probe = torch.randn([2, dataset.Channels, dataset.Height, dataset.Width], generator: generator).to(dtype).to(device);
        var wasTraining = network.training;
        try
        {
            network.train();
            var expected = network.forward(probe);
            var flat = Layout.Flatten(network);
            var actual = Forward(flat, probe);
            if (!expected.shape.SequenceEqual(actual.shape))
            {
                throw Mismatch(architecture, $"its output has shape [{string.Join(", ", actual.shape)}], the network's [{string.Join(", ", expected.shape)}]");
            }

            var gap = (expected - actual).abs().max().to_type(ScalarType.Float64).item<double>();
            var scale = Math.Max(1.0, expected.abs().max().to_type(ScalarType.Float64).item<double>());
            if (!(gap <= Tolerance * scale))
            {
                throw Mismatch(architecture, string.Create(CultureInfo.InvariantCulture, $"its logits differ from the network's by up to {gap:G3}"));
            }
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    private static UserErrorException Mismatch(string architecture, string why) => new(
        $"Trajectory matching cannot run on '{architecture}': the functional forward built from its layers does not reproduce it ({why}). " +
        "Use a ConvNet without batch normalization (e.g. --arch convnet).");
}
