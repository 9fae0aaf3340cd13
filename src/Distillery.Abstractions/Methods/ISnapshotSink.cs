using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>
/// Receives the synthetic images of a run at the iterations it asks for, e.g. to evaluate and draw them while the run
/// goes on. A method that learns images asks <see cref="Wants"/> after every iteration and, when true, hands over the
/// images through <see cref="TakeAsync"/>.
/// </summary>
public interface ISnapshotSink
{
    /// <summary>Whether the images after iteration <paramref name="iteration"/> (1-based) are wanted.</summary>
    bool Wants(int iteration);

    /// <summary>Takes the images and labels after <paramref name="iteration"/>; the caller keeps ownership of both.</summary>
    Task TakeAsync(int iteration, Tensor images, Tensor labels, CancellationToken cancellationToken);
}
