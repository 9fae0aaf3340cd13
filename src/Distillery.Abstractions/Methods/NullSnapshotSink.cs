using static TorchSharp.torch;

namespace Distillery.Methods;

/// <summary>Wants no snapshots.</summary>
public sealed class NullSnapshotSink : ISnapshotSink
{
    public static NullSnapshotSink Instance { get; } = new();

    public bool Wants(int iteration) => false;

    public Task TakeAsync(int iteration, Tensor images, Tensor labels, CancellationToken cancellationToken) => Task.CompletedTask;
}
