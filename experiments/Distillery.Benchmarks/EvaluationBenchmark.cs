using Distillery.Data;
using Distillery.Devices;
using Distillery.Progress;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Benchmarks;

/// <summary>
/// A whole reference evaluation through <see cref="SetEvaluator"/>: one fresh ConvNet-3 trained on
/// <c>ipc × 10</c> images for the given epochs, then tested on a generated test split.
/// </summary>
internal static class EvaluationBenchmark
{
    public static void Run(int ipc, int epochs, int networks, int testCount)
    {
        using var images = GeneratedData.Create(ipc * GeneratedData.Classes, seed: 1);
        using var train = TrainingSet.Of(images);
        using var dataset = new DatasetSplits(GeneratedData.Info, GeneratedData.Create(1, seed: 2), GeneratedData.Create(testCount, seed: 3));
        var evaluator = new SetEvaluator(new ConvNetFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = networks, Epochs = epochs };

        var result = evaluator.EvaluateAsync(train, dataset, "convnet", options, seed: 0, NullProgressReporter.Instance, CancellationToken.None)
            .GetAwaiter().GetResult();

        Console.WriteLine(
            $"evaluate dotnet ipc={ipc} classes={GeneratedData.Classes} epochs={epochs} networks={networks} test={testCount} " +
            $"threads={torch.get_num_threads()} seconds={result.Seconds:F1} per_network_s={result.Seconds / networks:F1} " +
            $"peak_rss_mib={ResidentMemory.PeakMiB:F0}");
    }

    private sealed class CpuDevice : IDeviceProvider
    {
        public Device Device => torch.CPU;
    }
}
