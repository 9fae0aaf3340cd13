using System.Diagnostics;
using Distillery.Learning;
using Distillery.Methods;
using Distillery.Methods.DistributionMatching;
using TorchSharp;

namespace Distillery.Benchmarks;

/// <summary>
/// Iterations of distribution matching as the method runs them (fresh ConvNet-3 with frozen weights, a real batch per
/// class, a siamese augmentation per class, one batched forward for real and one for synthetic images, one SGD step on
/// the images), on 1×28×28 noise images of 10 classes, timed iteration by iteration after warm-up iterations.
/// </summary>
internal static class DmStepBenchmark
{
    public static void Run(int ipc, int batchReal, int warmup, int steps, string augmentation, int chunk)
    {
        var perClass = Math.Max(batchReal, ipc) + 16;
        using var train = GeneratedData.Create(perClass * GeneratedData.Classes, seed: 1);
        var request = new DistillationRequest
        {
            Dataset = GeneratedData.Info,
            Train = train,
            ImagesPerClass = ipc,
            Architecture = "convnet",
            Seed = 0,
            Device = torch.CPU,
        };
        var options = new DistributionMatchingOptions { BatchReal = batchReal, Augmentation = augmentation, Iterations = warmup + steps, ForwardChunk = chunk };
        using var state = DistributionMatchingState.Initialise(request, options);
        using var sampler = new ClassBatchSampler(train);
        using var realSegments = new ClassSegments(sampler.CountsPerClass(batchReal), torch.CPU);
        using var segments = new ClassSegments(Enumerable.Repeat((long)ipc, GeneratedData.Classes).ToArray(), torch.CPU);
        var step = new DistributionMatchingStep(new ConvNetFactory(), request, options.ParseAugmentation(), sampler, realSegments, segments, options.ForwardChunk);

        var times = new List<double>();
        for (var iteration = 1; iteration <= warmup + steps; iteration++)
        {
            var clock = Stopwatch.StartNew();
            step.Run(state, iteration);
            if (iteration > warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine(
            $"dm-step dotnet ipc={ipc} batch_real={batchReal} classes={GeneratedData.Classes} augmentation={augmentation} chunk={chunk} " +
            $"threads={torch.get_num_threads()} steps={steps} median_ms={median:F1} min_ms={times[0]:F1} max_ms={times[^1]:F1} " +
            $"rss_mib={ResidentMemory.CurrentMiB:F0}");
    }
}
