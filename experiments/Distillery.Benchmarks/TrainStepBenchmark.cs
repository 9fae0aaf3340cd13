using System.Diagnostics;
using TorchSharp;

namespace Distillery.Benchmarks;

/// <summary>
/// One reference training step of ConvNet-3 (forward, cross-entropy, backward, SGD with momentum and weight decay)
/// on a batch of 1×28×28 images, timed step by step after warm-up steps.
/// </summary>
internal static class TrainStepBenchmark
{
    public static void Run(int batchSize, int warmup, int steps)
    {
        using var data = GeneratedData.Create(batchSize, seed: 1);
        using var network = new ConvNetFactory().Create("convnet", GeneratedData.Info, 0, torch.CPU);
        network.train();
        using var optimizer = torch.optim.SGD(network.parameters(), 0.01, momentum: 0.9, weight_decay: 5e-4);

        var times = new List<double>();
        for (var step = 0; step < warmup + steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var loss = torch.nn.functional.cross_entropy(network.forward(data.Images), data.Labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (step >= warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine(
            $"train-step dotnet batch={batchSize} threads={torch.get_num_threads()} steps={steps} " +
            $"median_ms={median:F1} min_ms={times[0]:F1} max_ms={times[^1]:F1}");
    }
}
