namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// Continual-learning memory kept in the workspace: named buffers of per (step, class) documents holding images and
/// their provenance, with a schema version. A damaged document throws a <see cref="UserErrorException"/> naming it;
/// the rest of the workspace stays readable.
/// </summary>
internal interface IMemoryBufferStore
{
    /// <summary>
    /// Opens the buffer for writing, creating it with <paramref name="settings"/> if it does not exist. A buffer
    /// stored with other settings is refused unless <paramref name="overwrite"/>, which deletes it first; a buffer
    /// that another writer holds is refused.
    /// </summary>
    Task<IMemoryBufferWriter> OpenWriterAsync(string name, MemoryBufferSettings settings, bool overwrite, CancellationToken cancellationToken);

    /// <summary>The buffer, or null if there is none of that name.</summary>
    Task<MemoryBufferInfo?> FindAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemoryBufferInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The memory of every class of one step, ordered by class. The caller owns the result.</summary>
    Task<IReadOnlyList<MemoryClass>> LoadStepAsync(string name, int step, CancellationToken cancellationToken);

    /// <summary>Deletes the buffer and all its memory. Refused while a writer holds it.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
