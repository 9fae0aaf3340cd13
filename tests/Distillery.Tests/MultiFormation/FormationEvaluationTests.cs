using Distillery.Data;
using Distillery.Devices;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Runs;
using Distillery.Tests.Storage;
using Distillery.Tests.Training;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.MultiFormation;

/// <summary>
/// Evaluation trains on the decoded images of a multi-formation set, gives the hard-label result beside the soft-label
/// one, and reports the set's stored budget in numbers.
/// </summary>
public sealed class FormationEvaluationTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly DatasetSplits _data = SeparableProblem.Create(trainCount: 30, testCount: 9);

    public void Dispose()
    {
        _data.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public void ATrainingSetOfAMultiFormationSetHoldsKSquaredImagesPerStoredImage()
    {
        using var set = Set(factor: 2, soft: true);

        using var training = TrainingSet.Of(set, SeparableProblem.Classes);

        training.Count.Should().Be(6 * 4);
        training.Labels.data<long>().ToArray().Should().Equal(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        training.SoftLabels!.shape.Should().Equal([24L, 3]);
        training.LearningRate.Should().Be(0.02);
    }

    [Fact]
    public async Task TheEvaluatorTrainsOnTheDecodedImagesAndAgainWithHardLabelsWhenTheSetHasSoftOnes()
    {
        var store = _workspace.Open();
        using (var set = Set(factor: 2, soft: true))
        {
            await store.SaveSetAsync("idc-soft", set, overwrite: false, CancellationToken.None);
        }

        var evaluator = new RecordingEvaluator();
        var runner = new SetEvaluationRunner(store, new FixedLoader(_data), evaluator, new Cpu());

        var report = await runner.EvaluateAsync(Job("idc-soft"), NullProgressReporter.Instance, CancellationToken.None);

        evaluator.Seen.Should().Equal((24L, true, 0.02), (24L, false, 0.02), (6L, false, 0.01));
        report.HardLabels.Should().ContainSingle().Which.SoftLabels.Should().BeFalse();
        report.Budget!.Numbers.Should().Be((6 * 16) + (6 * 3) + 1);
        var table = SetEvaluationReports.ToTable(report);
        table.Columns.Should().Equal("architecture", "test accuracy %", "hard labels %", "random subset %", "networks", "time");
        table.Rows.Single()[1].Should().Be("60.00 ± 0.00");
        table.Rows.Single()[2].Should().Be("40.00 ± 0.00");
        table.Title.Should().Contain("hard labels: the same images, seeds and learning rate without the soft labels")
            .And.Contain("stored: 115 numbers: 6 images × 16 + soft labels 6 × 3 (18) + 1 learned learning rate; decoded ×2 into 24 training images");
        var json = SetEvaluationReports.ToJson(report);
        ((bool)json["hard_labels"]![0]!["soft_labels"]!).Should().BeFalse();
        ((long)json["budget"]!["numbers"]!).Should().Be(115);
        ((long)json["budget"]!["training_images"]!).Should().Be(24);
    }

    [Fact]
    public async Task ASetWithHardLabelsOnlyIsEvaluatedOnceWithoutAHardLabelColumn()
    {
        var store = _workspace.Open();
        using (var set = Set(factor: 1, soft: false))
        {
            await store.SaveSetAsync("plain", set, overwrite: false, CancellationToken.None);
        }

        var evaluator = new RecordingEvaluator();
        var runner = new SetEvaluationRunner(store, new FixedLoader(_data), evaluator, new Cpu());

        var report = await runner.EvaluateAsync(Job("plain") with { RandomBaseline = false }, NullProgressReporter.Instance, CancellationToken.None);

        evaluator.Seen.Should().Equal((6L, false, 0.02));
        report.HardLabels.Should().BeEmpty();
        SetEvaluationReports.ToTable(report).Columns.Should().NotContain("hard labels %");
    }

    private static SetEvaluationJob Job(string name) => new()
    {
        SetName = name,
        Architectures = ["tiny"],
        Options = new EvaluationOptions { Epochs = 1, Networks = 1, LearningRate = 0.01 },
    };

    private static SyntheticSet Set(int factor, bool soft)
    {
        using var generator = new Generator(4);
        var images = torch.randn([6, 1, SeparableProblem.Side, SeparableProblem.Side], generator: generator);
        var labels = torch.arange(6, dtype: ScalarType.Int64).remainder(SeparableProblem.Classes);
        return new SyntheticSet(images, labels, TempWorkspace.Provenance() with { Dataset = "separable" })
        {
            SoftLabels = soft ? torch.softmax(torch.randn([6, SeparableProblem.Classes], generator: generator), 1) : null,
            LearnedLearningRate = 0.02,
            Formation = new Formation(factor),
        };
    }

    /// <summary>Records what each evaluation trained on; answers 60 % with soft labels and 40 % without.</summary>
    private sealed class RecordingEvaluator : ISetEvaluator
    {
        public List<(long Count, bool Soft, double LearningRate)> Seen { get; } = [];

        public Task<EvaluationResult> EvaluateAsync(
            TrainingSet trainSet, DatasetSplits dataset, string architecture, EvaluationOptions options, long seed, IProgressReporter progress, CancellationToken cancellationToken)
            => EvaluateAsync(trainSet, dataset, architecture, options, seed, progress, observers: null, cancellationToken);

        public Task<EvaluationResult> EvaluateAsync(
            TrainingSet trainSet,
            DatasetSplits dataset,
            string architecture,
            EvaluationOptions options,
            long seed,
            IProgressReporter progress,
            Func<int, IEpochObserver?>? observers,
            CancellationToken cancellationToken)
        {
            Seen.Add((trainSet.Count, trainSet.SoftLabels is not null, trainSet.LearningRate ?? options.LearningRate));
            return Task.FromResult(new EvaluationResult(architecture, [trainSet.SoftLabels is null ? 0.4 : 0.6], 1)
            {
                SoftLabels = trainSet.SoftLabels is not null,
                LearningRate = trainSet.LearningRate ?? options.LearningRate,
                LearningRateFromSet = trainSet.LearningRate is not null,
            });
        }
    }

    private sealed class FixedLoader(DatasetSplits data) : IDatasetLoader
    {
        public Task<DatasetSplits> LoadAsync(string name, IProgressReporter progress, CancellationToken cancellationToken) => Task.FromResult(data);
    }

    private sealed class Cpu : IDeviceProvider
    {
        public Device Device => torch.CPU;
    }
}
