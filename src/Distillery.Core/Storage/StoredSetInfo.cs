using Distillery.Methods;

namespace Distillery.Storage;

/// <summary>A synthetic set as the store lists it, without its tensors.</summary>
public sealed record StoredSetInfo(string Name, SetProvenance Provenance, IReadOnlyList<long> Shape, long Bytes, int SchemaVersion)
{
    /// <summary>How its stored images decode into training images.</summary>
    public Formation Formation { get; init; } = Formation.None;

    /// <summary>What it stores, counted in numbers (images, soft labels, learned learning rate).</summary>
    public SetBudget Budget { get; init; } = SetBudget.Of(Shape, null, false, 1);
}
