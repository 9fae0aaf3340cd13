using System.Diagnostics;
using Distillery.Learning;
using Distillery.Methods.GradientMatching;
using Distillery.Methods.GradientMatching.Distances;
using Distillery.Methods.GradientMatching.Matching;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Benchmarks;

/// <summary>
/// The pieces of one DC outer iteration on ConvNet-3 and 1×28×28 images, timed with the method's own types: one
/// class step (real and synthetic gradients, <c>wb</c> distance, its gradient w.r.t. the images), one matching step
/// (every class, then the image SGD step) and one epoch of training the network on the synthetic set. A whole outer
/// iteration is <c>outer</c> matching steps and <c>(outer − 1) · inner</c> synthetic epochs. With an augmentation
/// strategy it is a DSA iteration: one siamese draw per class step and augmented synthetic epochs.
/// </summary>
internal static class GradientMatchingBenchmark
{
    public static void Run(int ipc, int batchReal, int warmup, int steps, string augmentation, int width)
    {
        var strategy = Augmentation.AugmentationStrategy.Parse(augmentation);
        var classes = GeneratedData.Classes;
        var loops = LoopSchedule.For(ipc);
        using var data = GeneratedData.Create(classes * Math.Max(batchReal, 1), seed: 1);
        using var network = new ConvNetFactory(width).Create("convnet", GeneratedData.Info, 0, torch.CPU);
        network.train();
        var parameters = network.parameters().Cast<Tensor>().ToList();
        using var sampler = new ClassBatchSampler(data);
        using var draws = new Generator(2);
        using var noise = new Generator(3);
        using var images = torch.randn([classes * ipc, 1, 28, 28], generator: noise).requires_grad_();
        using var labels = torch.arange(classes, dtype: ScalarType.Int64).repeat_interleave(ipc);
        using var optimizer = new MomentumSgd(0.1, 0.5, torch.zeros_like(images));
        using var networkOptimizer = torch.optim.SGD(network.parameters(), 0.01);
        var matcher = new GradientMatcher(new LayerwiseCosineDistance());
        using var batchOrder = new Generator(4);
        var siamese = strategy.IsNone ? null : new SiameseAugmentation(strategy, draws);

        var classStep = Time(warmup, steps, () =>
        {
            var real = sampler.Draw(0, batchReal, draws);
            var gradient = torch.zeros_like(images);
            matcher.MatchClass(network, parameters, real, images.narrow(0, 0, ipc), 0, siamese, gradient.narrow(0, 0, ipc));
        });
        var matchingStep = Time(warmup, steps, () =>
        {
            var gradient = torch.zeros_like(images);
            matcher.MatchClasses(network, parameters, sampler, images, ipc, batchReal, draws, siamese, gradient);
            optimizer.Step(images, gradient);
        });
        var syntheticEpoch = Time(warmup, steps, () => SyntheticTraining.Train(
            network, networkOptimizer, images.detach(), labels, 1, 256, strategy, batchOrder, draws, CancellationToken.None));

        var iteration = (loops.OuterLoop * matchingStep.Median) + ((loops.OuterLoop - 1) * loops.InnerLoop * syntheticEpoch.Median);
        Console.WriteLine(
            $"{(strategy.IsNone ? "dc" : "dsa")}-step dotnet ipc={ipc} batch_real={batchReal} width={width} augmentation={augmentation} " +
            $"threads={torch.get_num_threads()} steps={steps} loops={loops.OuterLoop}/{loops.InnerLoop} " +
            $"class_ms={classStep} outer_step_ms={matchingStep} syn_epoch_ms={syntheticEpoch} iteration_ms={iteration:F0}");
    }

    private static Timing Time(int warmup, int steps, Action step)
    {
        var times = new List<double>();
        for (var i = 0; i < warmup + steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            var clock = Stopwatch.StartNew();
            step();
            if (i >= warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new Timing(median, times[0], times[^1]);
    }

    private readonly record struct Timing(double Median, double Min, double Max)
    {
        public override string ToString() => $"{Median:F0}[{Min:F0}-{Max:F0}]";
    }
}
