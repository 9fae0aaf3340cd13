using Distillery.Augmentation;
using Distillery.Networks;
using Distillery.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.GradientMatching.Matching;

/// <summary>
/// The inner loop: trains the network on a frozen copy of the synthetic set for some epochs of shuffled mini-batches,
/// with plain SGD and cross-entropy, and (for siamese augmentation) a fresh augmentation drawn per image each batch.
/// </summary>
internal static class SyntheticTraining
{
    public static void Train(
        Network network,
        optim.Optimizer optimizer,
        Tensor images,
        Tensor labels,
        int epochs,
        int batchSize,
        AugmentationStrategy augmentation,
        Generator batchOrder,
        Generator augmentationDraws,
        CancellationToken cancellationToken)
    {
        var count = images.shape[0];
        network.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var epochScope = torch.NewDisposeScope();
            var order = DeviceDraws.Permutation(count, batchOrder, images.device);
            for (long start = 0; start < count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var rows = order.narrow(0, start, Math.Min(batchSize, count - start));
                var batch = images.index_select(0, rows);
                if (!augmentation.IsNone)
                {
                    batch = DifferentiableAugmentation.Apply(batch, augmentation, augmentationDraws, siamese: false);
                }

                var loss = nn.functional.cross_entropy(network.call(batch), labels.index_select(0, rows));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
