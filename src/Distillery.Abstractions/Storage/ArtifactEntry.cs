namespace Distillery.Storage;

/// <summary>
/// A stored document: its id, the schema it was written with, the tensors it holds, and the document itself unless
/// it is damaged (then <see cref="Damage"/> says why, and reading <see cref="Document"/> throws).
/// </summary>
public sealed class ArtifactEntry<TDocument>
    where TDocument : class
{
    private readonly TDocument? _document;

    public ArtifactEntry(string id, int schemaVersion, TDocument? document, IReadOnlyList<StoredTensor> tensors, string? damage)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (document is null && damage is null)
        {
            throw new ArgumentException("An entry holds its document or its damage.", nameof(damage));
        }

        Id = id;
        SchemaVersion = schemaVersion;
        _document = document;
        Tensors = tensors ?? [];
        Damage = damage;
    }

    public string Id { get; }

    public int SchemaVersion { get; }

    public IReadOnlyList<StoredTensor> Tensors { get; }

    /// <summary>Why the document cannot be read (a message naming it), or null.</summary>
    public string? Damage { get; }

    public bool IsDamaged => Damage is not null;

    /// <exception cref="UserErrorException">The document is damaged or written with a newer schema.</exception>
    public TDocument Document => _document ?? throw new UserErrorException(Damage!);

    /// <summary>The stored tensor of this name, or null.</summary>
    public StoredTensor? Tensor(string name) => Tensors.FirstOrDefault(tensor => tensor.Name == name);
}
