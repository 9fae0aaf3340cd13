using System.Collections;
using Distillery.Data;
using Distillery.Devices;
using Distillery.Exchange;
using Distillery.Methods;
using Distillery.Networks;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Distillery.Tests.Training;

/// <summary>Networks with seeded weights, soft labels, and set files written as Python's <c>torch.save</c> writes them.</summary>
internal static class TrainingSetFixtures
{
    public static readonly int Inputs = SeparableProblem.Side * SeparableProblem.Side;

    public static readonly SetProvenance Imported = new() { Method = "imported", Dataset = "separable", ImagesPerClass = 0, Seed = 0 };

    /// <summary>A tiny network whose weights come from <paramref name="seed"/>, not from torch's global generator.</summary>
    public static TinyNetwork SeededNetwork(long seed)
    {
        var network = new TinyNetwork(Inputs, SeparableProblem.Classes);
        using var generator = new Generator((ulong)seed);
        using var noGrad = torch.no_grad();
        foreach (var parameter in network.parameters())
        {
            using var values = torch.randn(parameter.shape, generator: generator) * 0.1;
            parameter.copy_(values);
        }

        return network;
    }

    /// <summary>Random class probabilities <c>[count, classes]</c>: a softmax of random logits, as the research code stores them.</summary>
    public static Tensor RandomSoftLabels(long count, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var logits = torch.randn([count, SeparableProblem.Classes], generator: generator) * 2;
        return torch.softmax(logits, 1);
    }

    /// <summary>Probability <paramref name="onTarget"/> on each row's class of <paramref name="labels"/>, the rest shared by the others.</summary>
    public static Tensor Smoothed(Tensor labels, double onTarget)
    {
        var off = (1 - onTarget) / (SeparableProblem.Classes - 1);
        using var oneHot = nn.functional.one_hot(labels, SeparableProblem.Classes).to(ScalarType.Float32);
        return (oneHot * (onTarget - off)) + off;
    }

    /// <summary>Hard labels that are all wrong: the next class after each true one.</summary>
    public static Tensor Shifted(Tensor labels) => (labels + 1) % SeparableProblem.Classes;

    /// <summary>Writes <paramref name="entries"/> as a <c>.pt</c> dict (what <c>torch.save</c> writes) and disposes its tensors.</summary>
    public static string WriteSetFile(string folder, Hashtable entries)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.pt");
        using (var stream = File.Create(path))
        {
            PyTorchPickler.PickleStateDict(stream, entries);
        }

        foreach (var tensor in entries.Values.OfType<Tensor>())
        {
            tensor.Dispose();
        }

        return path;
    }

    /// <summary>Reads a set file through the importer that <c>sets import</c> uses.</summary>
    public static SyntheticSet Import(string path) => PyTorchSetFile.Import(path, Imported);

    /// <summary>Mean KL divergence <c>KL(targets ‖ softmax(network(images)))</c>, in eval mode.</summary>
    public static double Divergence(Network network, Tensor images, Tensor targets)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        network.eval();
        var logPredicted = nn.functional.log_softmax(network.forward(images), 1);
        network.train();
        return (targets * (targets.log() - logPredicted)).sum(1).mean().item<float>();
    }

    internal sealed class CpuDevice : IDeviceProvider
    {
        public Device Device => torch.CPU;
    }

    /// <summary>Builds tiny networks, seeded as the engine's factory seeds every network.</summary>
    internal sealed class TinyNetworkFactory : INetworkFactory
    {
        public Network Create(string architecture, DatasetInfo dataset, long seed, Device device) =>
            SeededConstruction.Build(seed, device, () => new TinyNetwork(dataset.Channels * dataset.Height * dataset.Width, dataset.NumClasses));
    }
}
