using Distillery.Data;
using Distillery.Devices;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Training;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Training;

public sealed class SetEvaluatorTests
{
    [Fact]
    public async Task TrainsAndTestsEachNetwork()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        var factory = new TinyNetworkFactory();
        var progress = new RecordingProgress();
        var evaluator = new SetEvaluator(factory, new NetworkTrainer(), new CpuDevice());

        var result = await evaluator.EvaluateAsync(train, data, "tiny", Options(), seed: 3, progress, CancellationToken.None);

        Assert.Equal("tiny", result.Architecture);
        Assert.Equal(3, result.Accuracies.Count);
        Assert.All(result.Accuracies, a => Assert.True(a >= 0.95, $"accuracy {a:P1}"));
        Assert.Equal(result.Accuracies.Average(), result.Mean, 12);
        Assert.True(result.Seconds > 0);
        Assert.Equal(3, factory.Created.Count);
        Assert.Equal([("Evaluating tiny", 3.0 * 5)], progress.Started);
        Assert.Equal(15, progress.Advanced);
        Assert.Equal(1, progress.Disposed);
        Assert.Contains(progress.Descriptions, d => d.StartsWith("tiny, network 3/3: epoch 5/5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NetworksStartDifferentlyAndTheSameSeedRepeats()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        var first = new TinyNetworkFactory();
        var second = new TinyNetworkFactory();

        var a = await new SetEvaluator(first, new NetworkTrainer(), new CpuDevice())
            .EvaluateAsync(train, data, "tiny", Options(), seed: 3, NullProgressReporter.Instance, CancellationToken.None);
        var b = await new SetEvaluator(second, new NetworkTrainer(), new CpuDevice())
            .EvaluateAsync(train, data, "tiny", Options(), seed: 3, NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal(a.Accuracies, b.Accuracies);
        Assert.Equal(first.Created, second.Created);
        Assert.Equal(3, first.Created.Distinct().Count());
    }

    [Fact]
    public void ResultReportsMeanAndPopulationStd()
    {
        var result = new EvaluationResult("tiny", [0.5, 0.7, 0.9], 1);

        Assert.Equal(0.7, result.Mean, 12);
        Assert.Equal(Math.Sqrt(((0.2 * 0.2) + (0.2 * 0.2)) / 3), result.Std, 12);
    }

    [Fact]
    public async Task StopsWhenCancelled()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            evaluator.EvaluateAsync(train, data, "tiny", Options(), 3, NullProgressReporter.Instance, cancelled.Token));
    }

    [Fact]
    public void AddTrainingRegistersTheTrainerAndEvaluator()
    {
        var services = new ServiceCollection()
            .AddSingleton<INetworkFactory, TinyNetworkFactory>()
            .AddSingleton<IDeviceProvider, CpuDevice>()
            .AddTraining();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<NetworkTrainer>(provider.GetRequiredService<INetworkTrainer>());
        Assert.IsType<SetEvaluator>(provider.GetRequiredService<ISetEvaluator>());
    }

    private static EvaluationOptions Options() => new() { Networks = 3, Epochs = 5, BatchSize = 64, LearningRate = 0.05 };

    private sealed class CpuDevice : IDeviceProvider
    {
        public Device Device => torch.CPU;
    }

    /// <summary>Builds tiny networks and remembers the first weight of each, to show how it was initialised.</summary>
    private sealed class TinyNetworkFactory : INetworkFactory
    {
        public List<float> Created { get; } = [];

        public Network Create(string architecture, DatasetInfo dataset, long seed, Device device)
        {
            var network = SeededConstruction.Build(seed, device, () => new TinyNetwork(dataset.Channels * dataset.Height * dataset.Width, dataset.NumClasses));
            using var first = network.parameters().First().flatten()[0];
            Created.Add(first.item<float>());
            return network;
        }
    }
}
