using System.Globalization;
using Distillery.Augmentation;
using Distillery.Data;
using Distillery.Methods.TrajectoryMatching.Functional;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// Trains one expert as the authors' buffer script does: plain SGD at a constant learning rate, no momentum, no weight
/// decay, shuffled mini-batches of the real data, augmentation drawn per image, the cross-entropy of the hard labels.
/// Keeps the flat weights at the start and after every epoch.
/// </summary>
internal sealed class ExpertTrainer(INetworkFactory networks)
{
    /// <summary>The expert's trajectory <c>[epochs + 1, parameters]</c> on the CPU and its last epoch's mean loss.</summary>
    /// <exception cref="UserErrorException">The training loss stopped being a finite number.</exception>
    public (Tensor Trajectory, double FinalLoss) Train(
        ExpertSettings settings,
        int index,
        DatasetInfo dataset,
        LabeledImages train,
        AugmentationStrategy augmentation,
        ParameterLayout layout,
        Device device,
        IProgressTask progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(progress);
        using var network = networks.Create(settings.Architecture, dataset, SeedSequence.Derive(settings.Seed, "expert network", index), device);
        if (ParameterLayout.Of(network).Fingerprint != layout.Fingerprint)
        {
            throw new InvalidOperationException($"The expert network of '{settings.Architecture}' has another parameter layout than the student's.");
        }

        using var batches = DeviceDraws.Generator(SeedSequence.Derive(settings.Seed, "expert batches", index), device);
        using var draws = DeviceDraws.Generator(SeedSequence.Derive(settings.Seed, "expert augmentation", index), device);
        using var optimizer = torch.optim.SGD(network.parameters(), settings.LearningRate, momentum: 0.0, weight_decay: 0.0);
        var snapshots = new List<Tensor> { OnCpu(layout.Flatten(network)) };
        var finalLoss = double.NaN;
        try
        {
            network.train();
            for (var epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                finalLoss = Epoch(network, optimizer, train, settings.Batch, augmentation, batches, draws, device, cancellationToken);
                if (!double.IsFinite(finalLoss))
                {
                    throw new UserErrorException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Expert {index + 1} diverged: its training loss became {finalLoss} in epoch {epoch}. Lower ExpertLearningRate."));
                }

                snapshots.Add(OnCpu(layout.Flatten(network)));
                progress.Advance();
                progress.Describe(string.Create(CultureInfo.InvariantCulture, $"expert {index + 1}: epoch {epoch}/{settings.Epochs}, loss {finalLoss:F4}"));
            }

            return (torch.stack(snapshots, 0), finalLoss);
        }
        finally
        {
            foreach (var snapshot in snapshots)
            {
                snapshot.Dispose();
            }
        }
    }

    private static Tensor OnCpu(Tensor tensor)
    {
        if (tensor.device_type == DeviceType.CPU)
        {
            return tensor;
        }

        var copy = tensor.cpu();
        tensor.Dispose();
        return copy;
    }

    private static double Epoch(
        Network network,
        optim.Optimizer optimizer,
        LabeledImages train,
        int batch,
        AugmentationStrategy augmentation,
        Generator batches,
        Generator draws,
        Device device,
        CancellationToken cancellationToken)
    {
        using var scope = torch.NewDisposeScope();
        var count = train.Count;
        var order = DeviceDraws.Permutation(count, batches, device);
        var lossSum = torch.zeros(1, dtype: ScalarType.Float64, device: device);
        for (long start = 0; start < count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var step = torch.NewDisposeScope();
            var length = Math.Min(batch, count - start);
            var rows = order.narrow(0, start, length);
            var images = train.Images.index_select(0, rows.to(train.Images.device)).to(device);
            var labels = train.Labels.index_select(0, rows.to(train.Labels.device)).to(device);
            if (!augmentation.IsNone)
            {
                images = DifferentiableAugmentation.Apply(images, augmentation, draws, siamese: false);
            }

            var loss = nn.functional.cross_entropy(network.forward(images), labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum.add_(loss.detach().to_type(ScalarType.Float64) * length);
        }

        return lossSum.item<double>() / count;
    }
}
