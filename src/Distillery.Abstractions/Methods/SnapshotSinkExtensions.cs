using static TorchSharp.torch;

namespace Distillery.Methods;

public static class SnapshotSinkExtensions
{
    /// <summary>
    /// Hands the images after <paramref name="iteration"/> to the sink if it wants them: detached from the graph, not
    /// copied, since the sink is done with them when the returned task ends.
    /// </summary>
    public static async Task OfferAsync(this ISnapshotSink sink, int iteration, Tensor images, Tensor labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(images);
        if (!sink.Wants(iteration))
        {
            return;
        }

        using var detached = images.detach();
        await sink.TakeAsync(iteration, detached, labels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="OfferAsync(ISnapshotSink, int, Tensor, Tensor, CancellationToken)"/> for stored images that decode
    /// with <paramref name="formation"/>: the sink receives the stored images and the formation. Added in contract 2.3.
    /// </summary>
    public static Task OfferAsync(
        this ISnapshotSink sink, int iteration, Tensor images, Tensor labels, Formation formation, CancellationToken cancellationToken) =>
        sink.OfferAsync(iteration, images, labels, formation, softLabels: null, learningRate: null, cancellationToken);

    /// <summary>
    /// As <see cref="OfferAsync(ISnapshotSink, int, Tensor, Tensor, Formation, CancellationToken)"/> for a run that also
    /// learns soft labels or a learning rate: the sink receives them too, so that a snapshot is evaluated as the finished
    /// set would be. Added in contract 2.4.
    /// </summary>
    public static async Task OfferAsync(
        this ISnapshotSink sink,
        int iteration,
        Tensor images,
        Tensor labels,
        Formation formation,
        Tensor? softLabels,
        double? learningRate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(formation);
        if (!sink.Wants(iteration))
        {
            return;
        }

        using var detached = images.detach();
        using var detachedSoft = softLabels?.detach();
        await sink.TakeAsync(iteration, detached, labels, formation, detachedSoft, learningRate, cancellationToken).ConfigureAwait(false);
    }
}
