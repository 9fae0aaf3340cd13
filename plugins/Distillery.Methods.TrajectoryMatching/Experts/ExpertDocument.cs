namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// One stored expert: its settings, its index among the experts of those settings, how long it took to train and its
/// last epoch's mean training loss. Its trajectory is the tensor <see cref="ExpertStore.TrajectoryTensor"/>:
/// <c>[Epochs + 1, parameters]</c>, the flat weights at the start and after every epoch.
/// </summary>
internal sealed record ExpertDocument
{
    public required string Key { get; init; }

    public required string Architecture { get; init; }

    public required string Dataset { get; init; }

    public required string Data { get; init; }

    public required string Layout { get; init; }

    public required int Epochs { get; init; }

    public required double LearningRate { get; init; }

    public required int Batch { get; init; }

    public required int Images { get; init; }

    public required string Augmentation { get; init; }

    public required long Seed { get; init; }

    public required int Index { get; init; }

    public required double Seconds { get; init; }

    public required double FinalLoss { get; init; }
}
