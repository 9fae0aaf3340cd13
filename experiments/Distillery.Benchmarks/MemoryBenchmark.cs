using System.Diagnostics;
using Distillery.Training;
using TorchSharp;

namespace Distillery.Benchmarks;

/// <summary>
/// A long training on a tiny set with differentiable augmentation, printing resident memory every few epochs:
/// it should stay flat.
/// </summary>
internal static class MemoryBenchmark
{
    public static void Run(int ipc, int epochs, int every, string augmentation)
    {
        using var images = GeneratedData.Create(ipc * GeneratedData.Classes, seed: 1);
        using var train = TrainingSet.Of(images);
        using var network = new ConvNetFactory().Create("convnet", GeneratedData.Info, 0, torch.CPU);
        var options = new TrainingOptions { Epochs = epochs, Augmentation = augmentation };
        var clock = Stopwatch.StartNew();
        var watch = new EpochWatch(new EpochPrinter(every, clock));

        Console.WriteLine($"memory dotnet ipc={ipc} epochs={epochs} augmentation={augmentation} threads={torch.get_num_threads()} start_rss_mib={ResidentMemory.CurrentMiB:F0}");
        new NetworkTrainer().Train(network, train, options, seed: 0, progress: null, watch, CancellationToken.None);
        Console.WriteLine($"memory dotnet done seconds={clock.Elapsed.TotalSeconds:F1} rss_mib={ResidentMemory.CurrentMiB:F0} peak_rss_mib={ResidentMemory.PeakMiB:F0}");
    }

    private sealed class EpochPrinter(int every, Stopwatch clock) : IEpochObserver
    {
        public void EpochEnded(TrainingEpoch value)
        {
            if (value.Epoch % every == 0)
            {
                Console.WriteLine(
                    $"  epoch {value.Epoch,5}  t={clock.Elapsed.TotalSeconds,6:F1}s  loss={value.Loss:F4}  lr={value.LearningRate:G3}  " +
                    $"rss_mib={ResidentMemory.CurrentMiB:F0}  peak_rss_mib={ResidentMemory.PeakMiB:F0}  " +
                    $"managed_mib={GC.GetTotalMemory(false) / 1048576.0:F0}  gen0={GC.CollectionCount(0)}  " +
                    $"live_tensors={DisposeScopeManager.Statistics.ThreadTotalLiveCount}");
            }
        }
    }
}
