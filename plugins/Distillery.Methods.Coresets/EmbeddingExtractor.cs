using Distillery.Data;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Randomness;
using Distillery.Storage;
using Distillery.Text;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.Coresets;

/// <summary>
/// Builds the network a coreset method measures distances in, trains it on the real data when asked, and embeds
/// images with it. The trained weights are checkpointed, so an interrupted run does not train them again.
/// </summary>
internal sealed class EmbeddingExtractor(INetworkFactory networks, INetworkTrainer trainer)
{
    private const string WeightPrefix = "embedding.";

    public async Task<Network> PrepareAsync(DistillationRequest request, EmbeddingOptions options, CancellationToken cancellationToken)
    {
        var network = networks.Create(request.Architecture, request.Dataset, SeedSequence.Derive(request.Seed, "embedding network"), request.Device);

        using (var checkpoint = await request.Checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (checkpoint is not null)
            {
                NetworkWeights.LoadInto(network, checkpoint.Tensors, WeightPrefix);
                return network;
            }
        }

        if (options.PretrainEpochs > 0)
        {
            using var subset = options.PretrainImages > 0 && options.PretrainImages < request.Train.Count
                ? SampleSubset(request, options.PretrainImages)
                : null;
            var images = subset ?? request.Train;
            using var train = TrainingSet.Of(images);
            using var task = request.Progress.Start($"training the embedding network ({Counted.Of(train.Count, "image")})", options.PretrainEpochs);
            var training = new TrainingOptions { Epochs = options.PretrainEpochs, BatchSize = options.BatchSize };
            trainer.Train(network, train, training, SeedSequence.Derive(request.Seed, "embedding training"), task, cancellationToken);
        }

        // Trained weights are kept even when the run is being cancelled: a rerun then skips the training.
        var weights = new Checkpoint(1, NetworkWeights.ToCheckpointTensors(network, WeightPrefix), "{}");
        await request.Checkpoints.SaveAsync(weights, CancellationToken.None).ConfigureAwait(false);
        return network;
    }

    /// <summary>The embeddings <c>[n, d]</c> of <paramref name="images"/>, computed in eval mode in batches.</summary>
    public static Tensor Embed(Network network, Tensor images, int batchSize)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var batch = images.narrow(0, start, Math.Min(batchSize, images.shape[0] - start));
            parts.Add(network.Embed(batch).MoveToOuterDisposeScope());
        }

        var result = torch.cat(parts, 0);
        parts.ForEach(p => p.Dispose());
        return result;
    }

    private static LabeledImages SampleSubset(DistillationRequest request, int count)
    {
        using var generator = new Generator((ulong)SeedSequence.Derive(request.Seed, "embedding subset"));
        using var order = torch.randperm(request.Train.Count, generator: generator);
        using var rows = order.narrow(0, 0, count).to(request.Train.Images.device);
        return request.Train.Select(rows);
    }
}
