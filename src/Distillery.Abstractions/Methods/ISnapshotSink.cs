using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>
/// Receives the synthetic images of a run at the iterations it asks for, e.g. to evaluate and draw them while the run
/// goes on. A method that learns images asks <see cref="Wants"/> after every iteration and, when true, hands over the
/// images through <see cref="TakeAsync(int, Tensor, Tensor, CancellationToken)"/>.
/// </summary>
public interface ISnapshotSink
{
    /// <summary>Whether the images after iteration <paramref name="iteration"/> (1-based) are wanted.</summary>
    bool Wants(int iteration);

    /// <summary>Takes the images and labels after <paramref name="iteration"/>; the caller keeps ownership of both.</summary>
    Task TakeAsync(int iteration, Tensor images, Tensor labels, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the stored images and labels after <paramref name="iteration"/> of a run whose images decode with
    /// <paramref name="formation"/>; the caller keeps ownership of both. Unless a sink does better (e.g. draws the stored
    /// images and evaluates the decoded ones), it receives the decoded images and their labels. Added in contract 2.3.
    /// </summary>
    async Task TakeAsync(int iteration, Tensor images, Tensor labels, Formation formation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(formation);
        if (formation.IsNone)
        {
            await TakeAsync(iteration, images, labels, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var decoded = formation.Decode(images);
        using var decodedLabels = formation.DecodeLabels(labels);
        await TakeAsync(iteration, decoded, decodedLabels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the stored images and labels after <paramref name="iteration"/> of a run that also learns soft labels
    /// (<paramref name="softLabels"/>, probabilities <c>[stored images, classes]</c>) or the learning rate networks train
    /// its images with (<paramref name="learningRate"/>); either may be null. The caller keeps ownership of every tensor.
    /// Unless a sink does better (e.g. trains on the soft labels at the learned rate, as the finished set would be
    /// evaluated), it receives the images with their hard labels. Added in contract 2.4.
    /// </summary>
    Task TakeAsync(
        int iteration, Tensor images, Tensor labels, Formation formation, Tensor? softLabels, double? learningRate, CancellationToken cancellationToken) =>
        TakeAsync(iteration, images, labels, formation, cancellationToken);
}
