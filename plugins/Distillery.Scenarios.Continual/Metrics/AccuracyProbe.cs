using Distillery.Data;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Scenarios.Continual;

/// <summary>
/// Tests a network after a step on the test classes of every step so far. Class-incremental accuracy takes the
/// arg-max over the classes seen so far (the outputs of classes not yet seen are masked out, as GDumb does);
/// task-incremental accuracy takes it over the tested step's classes only.
/// </summary>
internal static class AccuracyProbe
{
    /// <summary>Row <paramref name="step"/> of the class- and task-incremental accuracy matrices.</summary>
    /// <param name="network">The trained network; put in eval mode while testing, then restored.</param>
    /// <param name="tests">The test images of each step, with the dataset's labels.</param>
    /// <param name="split">The classes of each step.</param>
    /// <param name="step">The step just trained.</param>
    /// <param name="batchSize">Test batch size (no effect on the result).</param>
    public static (double[] ClassIncremental, double[] TaskIncremental) Measure(
        Network network, IReadOnlyList<LabeledImages> tests, IncrementalSplit split, int step, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(split);
        var seen = split.ClassesThrough(step);
        var classIncremental = new double[step + 1];
        var taskIncremental = new double[step + 1];
        var wasTraining = network.training;
        network.eval();
        try
        {
            using var noGrad = torch.no_grad();
            for (var j = 0; j <= step; j++)
            {
                classIncremental[j] = Accuracy(network, tests[j], seen, batchSize);
                taskIncremental[j] = Accuracy(network, tests[j], split.Steps[j], batchSize);
            }
        }
        finally
        {
            network.train(wasTraining);
        }

        return (classIncremental, taskIncremental);
    }

    /// <summary>Top-1 accuracy with the prediction restricted to <paramref name="allowed"/> classes.</summary>
    public static double Accuracy(Network network, LabeledImages test, IReadOnlyList<int> allowed, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0)
        {
            throw new ArgumentException("The test set is empty.", nameof(test));
        }

        var device = network.parameters().Select(p => p.device).FirstOrDefault() ?? torch.CPU;
        long correct = 0;
        for (long start = 0; start < test.Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(batchSize, test.Count - start);
            var logits = network.forward(test.Images.narrow(0, start, length).to(device));
            var mask = torch.ones(logits.shape[1], dtype: ScalarType.Bool, device: device);
            mask.index_put_(torch.tensor(false), torch.tensor(allowed.Select(c => (long)c).ToArray(), device: device));
            var predictions = logits.masked_fill(mask.unsqueeze(0), double.NegativeInfinity).argmax(1);
            correct += predictions.eq(test.Labels.narrow(0, start, length).to(device)).sum().item<long>();
        }

        return (double)correct / test.Count;
    }
}
