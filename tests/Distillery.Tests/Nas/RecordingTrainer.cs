using Distillery.Data;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Training;
using static TorchSharp.torch;

namespace Distillery.Tests.Nas;

/// <summary>The reference trainer, remembering what each training was given: the images, labels and options.</summary>
internal sealed class RecordingTrainer : INetworkTrainer
{
    private readonly NetworkTrainer _trainer = new();

    public List<(float[] Images, long[] Labels, TrainingOptions Options)> Trainings { get; } = [];

    public void Train(Network network, TrainingSet train, TrainingOptions options, long seed, IProgressTask? progress, CancellationToken cancellationToken) =>
        Train(network, train, options, seed, progress, watch: null, cancellationToken);

    public void Train(Network network, TrainingSet train, TrainingOptions options, long seed, IProgressTask? progress, EpochWatch? watch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        using var images = train.Images.cpu();
        using var labels = train.Labels.cpu();
        Trainings.Add((images.data<float>().ToArray(), labels.data<long>().ToArray(), options));
        _trainer.Train(network, train, options, seed, progress, watch, cancellationToken);
    }

    public double Accuracy(Network network, LabeledImages test, int batchSize = 1024) => _trainer.Accuracy(network, test, batchSize);
}
