using System.Diagnostics;
using Distillery.Augmentation;
using Distillery.Methods;
using Distillery.Methods.TrajectoryMatching;
using Distillery.Methods.TrajectoryMatching.Functional;
using Distillery.Methods.TrajectoryMatching.Matching;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Benchmarks;

/// <summary>
/// Outer iterations of trajectory matching as <c>mtt</c> (<see cref="UnrolledGradient"/>) or <c>tesla</c>
/// (<see cref="ConstantMemoryGradient"/>) runs them, on ConvNet-3 and 1×28×28 noise images of 10 classes: a student
/// drawn at a start vector takes <c>syn-steps</c> SGD steps on the synthetic set through the functional forward, the
/// normalised distance of its end to a target vector is differentiated with respect to the images and the student
/// learning rate, and both take their momentum SGD step. The expert pair is random (a fresh network's weights and the
/// same moved by small noise): no expert is trained, only the iteration is timed. Without formation, so the iteration
/// is the method's own minus its checkpoint and snapshot calls.
/// </summary>
internal static class MttStepBenchmark
{
    public static void Run(string method, int ipc, int syntheticSteps, int warmup, int steps, string augmentation, int batchSyn)
    {
        ITrajectoryGradient gradient = method switch
        {
            "mtt" => new UnrolledGradient(),
            "tesla" => new ConstantMemoryGradient(),
            _ => throw new ArgumentException($"unknown method '{method}' (mtt or tesla)", nameof(method)),
        };
        using var train = GeneratedData.Create((ipc + 16) * GeneratedData.Classes, seed: 1);
        var request = new DistillationRequest
        {
            Dataset = GeneratedData.Info,
            Train = train,
            ImagesPerClass = ipc,
            Architecture = "convnet",
            Seed = 0,
            Device = torch.CPU,
        };
        var options = new MttOptions { SyntheticSteps = syntheticSteps, Augmentation = augmentation, BatchSyn = batchSyn };
        var strategy = options.ParseAugmentation();
        using var network = new ConvNetFactory().Create(request.Architecture, request.Dataset, 0, request.Device);
        var functional = FunctionalNetwork.Compile(network, request.Architecture, request.Dataset, request.Device);
        using var start = functional.Layout.Flatten(network);
        using var noise = new Generator(5);
        using var target = start + (0.01 * torch.randn(start.shape, generator: noise));
        using var state = TrajectoryMatchingState.Initialise(request, options);

        var times = new List<double>();
        var processorTimes = new List<double>();
        using var process = Process.GetCurrentProcess();
        double loss = double.NaN;
        for (var iteration = 1; iteration <= warmup + steps; iteration++)
        {
            var clock = Stopwatch.StartNew();
            process.Refresh();
            var processor = process.TotalProcessorTime;
            loss = Iterate(gradient, functional, start, target, state, options, strategy, iteration);
            if (iteration > warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                process.Refresh();
                processorTimes.Add((process.TotalProcessorTime - processor).TotalMilliseconds);
            }
        }

        times.Sort();
        processorTimes.Sort();
        Console.WriteLine(
            $"{method}-step dotnet ipc={ipc} syn_steps={syntheticSteps} batch_syn={batchSyn} augmentation={augmentation} " +
            $"threads={torch.get_num_threads()} steps={steps} median_ms={Median(times):F1} min_ms={times[0]:F1} max_ms={times[^1]:F1} " +
            $"cpu_median_ms={Median(processorTimes):F1} " +
            $"loss={loss:F4} lr={state.Rate:G4} rss_mib={ResidentMemory.CurrentMiB:F0} peak_rss_mib={ResidentMemory.PeakMiB:F0}");
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    // The body of the method's iteration with formation factor 1: draw the student's plan, compute the gradient,
    // step the images and the learning rate.
    private static double Iterate(
        ITrajectoryGradient gradient,
        FunctionalNetwork functional,
        Tensor start,
        Tensor target,
        TrajectoryMatchingState state,
        TrajectoryMatchingOptions options,
        AugmentationStrategy strategy,
        int iteration)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)iteration);
        var images = state.Images;
        using var plan = StudentPlan.Draw(
            images.shape[0], options.BatchSyn, options.SyntheticSteps, strategy, images.shape[2], images.shape[3], generator, torch.CPU);
        using var result = gradient.Compute(functional, start, target, images, state.Labels, state.LearningRate, plan);
        if (!result.IsFinite())
        {
            throw new InvalidOperationException($"the matching loss or its gradient is not finite at iteration {iteration}");
        }

        state.ImageOptimizer.Step(images, result.Images);
        state.RateOptimizer.Step(state.LearningRate, result.LearningRate);
        return result.Loss;
    }
}
