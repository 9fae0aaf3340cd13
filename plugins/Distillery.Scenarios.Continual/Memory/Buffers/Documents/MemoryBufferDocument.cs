namespace Distillery.Scenarios.Continual.Memory;

/// <summary>A buffer's header, keyed by the buffer's name: its settings (JSON), the steps it holds, its size and its writer.</summary>
internal sealed record MemoryBufferDocument
{
    public required string Settings { get; init; }

    public required IReadOnlyList<int> Steps { get; init; }

    public required long Images { get; init; }

    public required long Bytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public WriterLease? Writer { get; init; }
}
