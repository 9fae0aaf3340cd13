namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// The one writer of a buffer. While it is open, no other writer, in this process or another, can open the buffer;
/// disposing it lets the next one in.
/// </summary>
internal interface IMemoryBufferWriter : IAsyncDisposable
{
    /// <summary>The buffer as it was when the writer opened it.</summary>
    MemoryBufferInfo Info { get; }

    /// <summary>
    /// Stores the memory of every class of one step in one transaction: all of them or none. Does not take ownership
    /// of <paramref name="classes"/>.
    /// </summary>
    Task SaveStepAsync(int step, IReadOnlyList<MemoryClass> classes, CancellationToken cancellationToken);
}
