using Distillery.Data;
using Distillery.Devices;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Tests.Kit;
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

        result.Architecture.Should().Be("tiny");
        result.Accuracies.Count.Should().Be(3);
        result.Accuracies.Should().AllSatisfy(a => a.Should().BeGreaterThanOrEqualTo(0.95));
        result.Mean.Should().BeApproximately(result.Accuracies.Average(), 5e-13);
        result.Seconds.Should().BeGreaterThan(0);
        factory.Created.Count.Should().Be(3);
        progress.Started.Should().Equal([("Evaluating tiny", 3.0 * 5)]);
        progress.Advanced.Should().Be(15);
        progress.Tasks.Should().ContainSingle().Which.Disposals.Should().Be(1);
        progress.Descriptions.Should().Contain(d => d.StartsWith("tiny, network 3/3: epoch 5/5", StringComparison.Ordinal));
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

        b.Accuracies.Should().Equal(a.Accuracies);
        second.Created.Should().Equal(first.Created);
        first.Created.Distinct().Count().Should().Be(3);
    }

    [Fact]
    public void ResultReportsMeanAndPopulationStd()
    {
        var result = new EvaluationResult("tiny", [0.5, 0.7, 0.9], 1);

        result.Mean.Should().BeApproximately(0.7, 5e-13);
        result.Std.Should().BeApproximately(Math.Sqrt(((0.2 * 0.2) + (0.2 * 0.2)) / 3), 5e-13);
    }

    [Fact]
    public async Task StopsWhenCancelled()
    {
        using var data = SeparableProblem.Create();
        using var train = TrainingSet.Of(data.Train);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());

        await FluentActions.Awaiting(() =>
            evaluator.EvaluateAsync(train, data, "tiny", Options(), 3, NullProgressReporter.Instance, cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void AddTrainingRegistersTheTrainerAndEvaluator()
    {
        var services = new ServiceCollection()
            .AddSingleton<INetworkFactory, TinyNetworkFactory>()
            .AddSingleton<IDeviceProvider, CpuDevice>()
            .AddTraining();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<INetworkTrainer>().Should().BeOfType<NetworkTrainer>();
        provider.GetRequiredService<ISetEvaluator>().Should().BeOfType<SetEvaluator>();
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
