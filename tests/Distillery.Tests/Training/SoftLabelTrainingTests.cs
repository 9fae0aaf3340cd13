using System.Collections;
using Distillery.Methods;
using Distillery.Progress;
using Distillery.Training;
using TorchSharp;
using static Distillery.Tests.Training.TrainingSetFixtures;
using static TorchSharp.torch;

namespace Distillery.Tests.Training;

[Collection(GlobalTorchRandomCollection.Name)]
public sealed class SoftLabelTrainingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("distillery-soft-labels-").FullName;

    [Fact]
    public void OneStepsLossIsTheSoftCrossEntropyOfItsTargets()
    {
        using var data = SeparableProblem.Create(trainCount: 6);
        using var softLabels = RandomSoftLabels(6, seed: 3);
        using var train = new TrainingSet(data.Train.Images.alias(), data.Train.Labels.alias(), SeparableProblem.Classes, softLabels.alias());
        using var network = SeededNetwork(seed: 4);
        using var flat = data.Train.Images.reshape(6, Inputs);
        var x = Rows(flat);
        var targets = Rows(softLabels);
        var weights = Rows(network.parameters().First());
        var bias = network.parameters().Last().data<float>().Select(v => (double)v).ToArray();
        var hardLabels = data.Train.Labels.data<long>().ToArray();
        var losses = new List<double>();

        // One epoch of one batch is one step: its loss is computed with the weights before the step.
        new NetworkTrainer().Train(
            network, train, new TrainingOptions { Epochs = 1, BatchSize = 64, LearningRate = 0.05 }, seed: 1, progress: null,
            new EpochWatch(new EpochObserver(epoch => losses.Add(epoch.Loss))), CancellationToken.None);

        double soft = 0, hard = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var logits = Enumerable.Range(0, bias.Length).Select(k => bias[k] + x[i].Zip(weights[k], (a, w) => a * w).Sum()).ToArray();
            var top = logits.Max();
            var logSumExp = top + Math.Log(logits.Sum(z => Math.Exp(z - top)));
            soft -= targets[i].Select((t, k) => t * (logits[k] - logSumExp)).Sum();
            hard -= logits[hardLabels[i]] - logSumExp;
        }

        soft /= x.Length;
        hard /= x.Length;
        losses.Should().ContainSingle().Which.Should().BeApproximately(soft, 1e-5);
        Math.Abs(soft - hard).Should().BeGreaterThan(1e-2, "the soft targets must differ from the hard labels for this test to tell them apart");
    }

    [Fact]
    public void WithOneHotTargetsTheSoftCrossEntropyIsTheCrossEntropy()
    {
        using var generator = new Generator(5);
        using var logits = torch.randn([8, 3], generator: generator);
        using var labels = torch.tensor(new long[] { 0, 1, 2, 2, 1, 0, 0, 1 });
        using var oneHot = nn.functional.one_hot(labels, 3).to(ScalarType.Float32);

        using var soft = SoftCrossEntropy.Loss(logits, oneHot);
        using var hard = nn.functional.cross_entropy(logits, labels);

        soft.item<float>().Should().BeApproximately(hard.item<float>(), 1e-6f);
    }

    [Fact]
    public void AnImportedSetTrainsTowardItsSoftLabels()
    {
        using var data = SeparableProblem.Create(trainCount: 9);
        using var softLabels = RandomSoftLabels(9, seed: 8);
        var path = WriteSetFile(_folder, new Hashtable
        {
            ["images"] = data.Train.Images.clone(),
            ["labels"] = data.Train.Labels.clone(),
            ["soft_labels"] = softLabels.clone(),
        });
        using var imported = Import(path);
        using var train = TrainingSet.Of(imported, SeparableProblem.Classes);
        using var hardOnly = TrainingSet.Of(data.Train);
        using var network = SeededNetwork(seed: 6);
        using var sameStart = SeededNetwork(seed: 6);
        var options = new TrainingOptions { Epochs = 300, BatchSize = 64, LearningRate = 0.05, WeightDecay = 0 };
        var before = Divergence(network, imported.Images, softLabels);

        new NetworkTrainer().Train(network, train, options, seed: 1, progress: null, CancellationToken.None);
        new NetworkTrainer().Train(sameStart, hardOnly, options, seed: 1, progress: null, CancellationToken.None);

        train.SoftLabels.Should().NotBeNull();
        var after = Divergence(network, imported.Images, softLabels);
        after.Should().BeLessThan(before / 4, "training on soft labels moves the predicted distribution toward them");
        after.Should().BeLessThan(Divergence(sameStart, imported.Images, softLabels) / 4, "the hard labels alone lead elsewhere");
    }

    [Fact]
    public async Task TheEvaluatorTrainsOnTheSoftLabelsNotTheHardOnes()
    {
        // The soft labels point at the right classes, the hard labels at wrong ones: only soft-label training scores.
        using var data = SeparableProblem.Create();
        var path = WriteSetFile(_folder, new Hashtable
        {
            ["images"] = data.Train.Images.clone(),
            ["labels"] = Shifted(data.Train.Labels),
            ["soft_labels"] = Smoothed(data.Train.Labels, 0.8),
        });
        using var imported = Import(path);
        using var soft = TrainingSet.Of(imported, SeparableProblem.Classes);
        using var hard = new TrainingSet(imported.Images.alias(), imported.Labels.alias(), SeparableProblem.Classes);
        var evaluator = new SetEvaluator(new TinyNetworkFactory(), new NetworkTrainer(), new CpuDevice());
        var options = new EvaluationOptions { Networks = 2, Epochs = 10, BatchSize = 64, LearningRate = 0.05 };

        var withSoft = await evaluator.EvaluateAsync(soft, data, "tiny", options, seed: 3, NullProgressReporter.Instance, CancellationToken.None);
        var withHard = await evaluator.EvaluateAsync(hard, data, "tiny", options, seed: 3, NullProgressReporter.Instance, CancellationToken.None);

        withSoft.SoftLabels.Should().BeTrue();
        withSoft.LearnedTraining.Should().Be("soft labels");
        withSoft.Accuracies.Should().OnlyContain(accuracy => accuracy >= 0.95);
        withHard.SoftLabels.Should().BeFalse();
        withHard.LearnedTraining.Should().BeNull();
        withHard.Accuracies.Should().OnlyContain(accuracy => accuracy <= 0.05);
    }

    [Fact]
    public void SoftLabelsThatAreLogitsAreRefusedWithAdvice()
    {
        using var data = SeparableProblem.Create(trainCount: 4);
        var path = WriteSetFile(_folder, new Hashtable
        {
            ["images"] = data.Train.Images.clone(),
            ["soft_labels"] = torch.tensor(new[] { 2f, -1f, 0.5f, 0.1f, 3f, -2f, 1f, 1f, 1f, 0f, 0f, 4f }).reshape(4, 3),
        });
        using var imported = Import(path);

        var refusal = FluentActions.Invoking(() => TrainingSet.Of(imported, SeparableProblem.Classes));

        refusal.Should().Throw<UserErrorException>()
            .WithMessage("*soft labels must be class probabilities*row 1 holds -2*softmax*");
    }

    [Fact]
    public void SoftLabelsForAnotherNumberOfClassesAreRefused()
    {
        using var data = SeparableProblem.Create(trainCount: 4);
        using var imported = new SyntheticSet(data.Train.Images.alias(), data.Train.Labels.alias(), Imported)
        {
            SoftLabels = torch.full([4, 5], 0.2f),
        };

        FluentActions.Invoking(() => TrainingSet.Of(imported, SeparableProblem.Classes))
            .Should().Throw<UserErrorException>().WithMessage("*floating [4, 3] tensor*shape [4, 5]*");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double[][] Rows(Tensor matrix)
    {
        var columns = (int)matrix.shape[1];
        var values = matrix.detach().contiguous().data<float>().Select(v => (double)v).ToArray();
        return values.Chunk(columns).ToArray();
    }
}
