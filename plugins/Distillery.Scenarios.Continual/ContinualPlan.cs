using System.Globalization;

namespace Distillery.Scenarios.Continual;

/// <summary>A run's options checked against its dataset: the resolved memory budget and the buffer names.</summary>
internal sealed record ContinualPlan
{
    public required string Dataset { get; init; }

    public required int NumClasses { get; init; }

    public required int Steps { get; init; }

    public required int MemoryPerClass { get; init; }

    public required string Architecture { get; init; }

    public required long Seed { get; init; }

    public required string BufferPrefix { get; init; }

    public bool ReuseMemory { get; init; }

    public bool Overwrite { get; init; }

    public string BufferFor(string method, int order) =>
        string.Create(CultureInfo.InvariantCulture, $"{BufferPrefix}/{method}/order{order}");

    public static string DefaultBufferPrefix(string dataset, int steps, int memoryPerClass, long seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{dataset}-{steps}steps-m{memoryPerClass}-seed{seed}");
}
