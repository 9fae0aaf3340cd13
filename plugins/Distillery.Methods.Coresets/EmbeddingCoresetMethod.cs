using Distillery.Storage;
using Distillery.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.Coresets;

/// <summary>
/// A coreset chosen class by class from the embeddings of a (trained) network. The trained network is its only
/// checkpoint: a run stopped while choosing keeps it, a run stopped while training it keeps nothing.
/// </summary>
internal abstract class EmbeddingCoresetMethod(EmbeddingExtractor extractor, EmbeddingOptions options, string name) : IDistillationMethod
{
    public async Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        CoresetSets.CheckRequest(request, name);
        using var network = await extractor.PrepareAsync(request, options, cancellationToken).ConfigureAwait(false);
        var rows = new List<long>(request.ImagesPerClass * request.Dataset.NumClasses);
        using var task = request.Progress.Start($"{name}: choosing {Counted.ImagesPerClass(request.ImagesPerClass)}", request.Dataset.NumClasses);
        try
        {
            for (var label = 0; label < request.Dataset.NumClasses; label++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var classRows = request.Train.IndicesOf(label);
                var features = EmbeddingExtractor.Embed(network, request.Train.ImagesOf(label), options.BatchSize);
                rows.AddRange(Select(features, request.ImagesPerClass).Select(i => classRows[(int)i]));
                task.Advance();
            }
        }
        catch (OperationCanceledException stop) when (stop is not RunStoppedException && cancellationToken.IsCancellationRequested)
        {
            throw options.PretrainEpochs > 0 && request.Checkpoints is not NullCheckpointStore
                ? RunStoppedException.Keeping("the trained embedding network", cancellationToken, stop)
                : RunStoppedException.KeepingNothing(cancellationToken, stop);
        }

        return CoresetSets.FromRows(request, name, rows.ToArray(), request.Architecture);
    }

    /// <summary>Chooses <paramref name="count"/> rows of one class's embeddings <c>[n, d]</c>.</summary>
    protected abstract long[] Select(Tensor features, int count);
}
