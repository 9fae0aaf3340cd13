using Distillery.Storage;

namespace Distillery.Scenarios.Continual.Memory;

/// <summary>
/// Memory buffers in the workspace, kept in the continual plugin's artifact collections (shared with other processes
/// using the file at the same time). A buffer is a header document plus one document per (step, class) whose images
/// are a checksummed tensor. A step is written in one transaction.
/// </summary>
internal sealed class MemoryBufferStore : IMemoryBufferStore
{
    /// <summary>The artifact owner whose collections hold the buffers.</summary>
    public const string Owner = MemorySchema.Owner;

    private readonly IArtifactStore _artifacts;

    public MemoryBufferStore(IArtifactStore artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        _artifacts = artifacts;
    }

    /// <summary>The full path of the workspace file.</summary>
    public string Path => _artifacts.Location;

    public Task<IMemoryBufferWriter> OpenWriterAsync(string name, MemoryBufferSettings settings, bool overwrite, CancellationToken cancellationToken)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(settings);
        var lease = WriterLease.ForThisProcess();
        return Open();

        async Task<IMemoryBufferWriter> Open()
        {
            var info = await _artifacts.WriteAsync(session => OpenBuffer(session, name, settings, overwrite, lease), cancellationToken).ConfigureAwait(false);
            return new MemoryBufferWriter(this, name, lease, info);
        }
    }

    public Task<MemoryBufferInfo?> FindAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return _artifacts.ReadAsync(
            session => Headers(session).Find(name) is { } header ? ReadHeader(name, header).Info : null,
            cancellationToken);
    }

    public Task<IReadOnlyList<MemoryBufferInfo>> ListAsync(CancellationToken cancellationToken) =>
        _artifacts.ReadAsync<IReadOnlyList<MemoryBufferInfo>>(
            session => Headers(session).List().Select(ListEntry).OrderBy(info => info.Name, StringComparer.Ordinal).ToList(),
            cancellationToken);

    public Task<IReadOnlyList<MemoryClass>> LoadStepAsync(string name, int step, CancellationToken cancellationToken)
    {
        CheckName(name);
        return _artifacts.ReadAsync<IReadOnlyList<MemoryClass>>(session => LoadStep(session, name, step), cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return _artifacts.WriteAsync(
            session =>
            {
                var stored = Headers(session).Find(name) ?? throw Unknown(session, name);
                if (!stored.IsDamaged && stored.Document.Writer is { } writer && !writer.IsStale())
                {
                    throw Busy(name, writer);
                }

                return DeleteBuffer(session, name);
            },
            cancellationToken);
    }

    internal Task SaveStepAsync(string name, WriterLease lease, int step, IReadOnlyList<MemoryClass> classes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            throw new ArgumentException("A step's memory holds at least one class.", nameof(classes));
        }

        if (classes.Any(c => c.Step != step) || classes.Select(c => c.Label).Distinct().Count() != classes.Count)
        {
            throw new ArgumentException($"The classes must all belong to step {step}, each once.", nameof(classes));
        }

        return _artifacts.WriteAsync(session => SaveStep(session, name, lease, step, classes), cancellationToken);
    }

    internal Task ReleaseAsync(string name, WriterLease lease) =>
        _artifacts.WriteAsync(
            session =>
            {
                var headers = Headers(session);
                if (headers.Find(name) is { IsDamaged: false } stored && stored.Document.Writer?.Token == lease.Token)
                {
                    headers.Upsert(name, stored.Document with { Writer = null });
                }

                return true;
            },
            CancellationToken.None);

    private static IArtifactCollection<MemoryBufferDocument> Headers(IArtifactSession session) =>
        session.Collection<MemoryBufferDocument>(MemorySchema.Buffers);

    private static IArtifactCollection<MemoryClassDocument> Classes(IArtifactSession session) =>
        session.Collection<MemoryClassDocument>(MemorySchema.Classes);

    private MemoryBufferInfo OpenBuffer(IArtifactSession session, string name, MemoryBufferSettings settings, bool overwrite, WriterLease lease)
    {
        var headers = Headers(session);
        if (headers.Find(name) is { } stored)
        {
            var header = TryReadHeader(name, stored);
            if (!stored.IsDamaged && stored.Document.Writer is { } writer && !writer.IsStale())
            {
                throw Busy(name, writer);
            }

            if (header is null && !overwrite)
            {
                ReadHeader(name, stored); // throws the damage, named
            }

            var differences = header?.Settings.DifferencesFrom(settings) ?? [];
            if (differences.Count > 0 && !overwrite)
            {
                throw new UserErrorException(
                    $"the memory buffer '{name}' in {Path} was made with other settings: {string.Join("; ", differences)}. " +
                    "Use another BufferName, or Overwrite to replace it.");
            }

            if (header is not null && !overwrite)
            {
                var claimed = stored.Document with { Writer = lease };
                headers.Upsert(name, claimed);
                return header.Info with { Writer = lease.Describe() };
            }

            DeleteBuffer(session, name);
        }

        var created = new MemoryBufferDocument
        {
            Settings = MemorySettingsJson.Serialize(settings),
            Steps = [],
            Images = 0,
            Bytes = 0,
            CreatedAt = DateTimeOffset.UtcNow,
            Writer = lease,
        };
        headers.Upsert(name, created);
        return new MemoryBufferInfo(name, settings, [], 0, 0, created.CreatedAt, MemorySchema.Version, lease.Describe());
    }

    private bool SaveStep(IArtifactSession session, string name, WriterLease lease, int step, IReadOnlyList<MemoryClass> classes)
    {
        var headers = Headers(session);
        var stored = headers.Find(name) ?? throw Unknown(session, name);
        var header = ReadHeader(name, stored);
        if (stored.Document.Writer?.Token != lease.Token)
        {
            throw new InvalidOperationException($"This writer no longer holds the memory buffer '{name}'.");
        }

        if (step < 0 || step >= header.Settings.Steps.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The buffer '{name}' has steps 0..{header.Settings.Steps.Count - 1}.");
        }

        var expected = header.Settings.Steps[step].Order();
        if (!expected.SequenceEqual(classes.Select(c => c.Label).Order()))
        {
            throw new ArgumentException($"Step {step} of buffer '{name}' holds classes {string.Join(", ", expected)}.", nameof(classes));
        }

        var (removedImages, removedBytes) = DeleteStep(session, name, step);
        var documents = Classes(session);
        long images = 0, bytes = 0;
        foreach (var memory in classes)
        {
            var document = new MemoryClassDocument
            {
                Buffer = name,
                Step = step,
                Label = memory.Label,
                Provenance = ProvenanceJson.Serialize(memory.Provenance),
                SavedAt = DateTimeOffset.UtcNow,
            };
            var tensors = new Dictionary<string, TorchSharp.torch.Tensor> { [MemoryClassDocument.ImagesTensor] = memory.Images };
            if (memory.SoftLabels is { } softLabels)
            {
                tensors[MemoryClassDocument.SoftLabelsTensor] = softLabels;
            }

            var entry = documents.Upsert(MemoryClassDocument.IdOf(name, step, memory.Label), document, tensors);
            (var count, var size) = Size(entry);
            images += count;
            bytes += size;
        }

        var updated = stored.Document with
        {
            Steps = header.Steps.Append(step).Distinct().Order().ToList(),
            Images = header.Images - removedImages + images,
            Bytes = header.Bytes - removedBytes + bytes,
        };
        headers.Upsert(name, updated);
        return true;
    }

    private List<MemoryClass> LoadStep(IArtifactSession session, string name, int step)
    {
        var header = ReadHeader(name, Headers(session).Find(name) ?? throw Unknown(session, name));
        if (!header.Steps.Contains(step))
        {
            var held = header.Steps.Count == 0 ? "none" : string.Join(", ", header.Steps);
            throw new UserErrorException($"the memory buffer '{name}' in {Path} holds no step {step} (it holds steps: {held}).");
        }

        var documents = Classes(session);
        var loaded = new List<MemoryClass>();
        try
        {
            foreach (var label in header.Settings.Steps[step].Order())
            {
                loaded.Add(LoadClass(documents, name, step, label));
            }

            return loaded;
        }
        catch
        {
            loaded.ForEach(memory => memory.Dispose());
            throw;
        }
    }

    private MemoryClass LoadClass(IArtifactCollection<MemoryClassDocument> documents, string name, int step, int label)
    {
        var what = $"the memory of class {label} at step {step} in buffer '{name}'";
        try
        {
            var stored = documents.Find(MemoryClassDocument.IdOf(name, step, label))
                ?? throw new UserErrorException($"its document is missing from {Path}");
            var document = stored.Document;
            var provenance = Decode(() => ProvenanceJson.Deserialize(document.Provenance));
            var images = documents.ReadTensor(stored, MemoryClassDocument.ImagesTensor);
            try
            {
                var softLabels = stored.Tensor(MemoryClassDocument.SoftLabelsTensor) is null
                    ? null
                    : documents.ReadTensor(stored, MemoryClassDocument.SoftLabelsTensor);
                return new MemoryClass(document.Step, document.Label, images, provenance, softLabels);
            }
            catch
            {
                images.Dispose();
                throw;
            }
        }
        catch (UserErrorException exception)
        {
            throw new UserErrorException($"{what} cannot be read: {exception.Message} To fix it, {DamageFix(name)}.", exception);
        }
    }

    private static (long Images, long Bytes) DeleteStep(IArtifactSession session, string name, int step)
    {
        var documents = Classes(session);
        var query = ArtifactQuery.Where(MemoryClassDocument.BufferField, name).And(MemoryClassDocument.StepField, step);
        long images = 0, bytes = 0;
        foreach (var entry in documents.List(query))
        {
            var (count, size) = Size(entry);
            images += count;
            bytes += size;
        }

        documents.DeleteMany(query);
        return (images, bytes);
    }

    private static bool DeleteBuffer(IArtifactSession session, string name)
    {
        Classes(session).DeleteMany(ArtifactQuery.Where(MemoryClassDocument.BufferField, name));
        return Headers(session).Delete(name);
    }

    /// <summary>The images a class document holds and the bytes of all its tensors (images and soft labels).</summary>
    private static (long Images, long Bytes) Size(ArtifactEntry<MemoryClassDocument> entry) =>
        (entry.Tensor(MemoryClassDocument.ImagesTensor) is { Shape.Count: > 0 } images ? images.Shape[0] : 0, entry.Tensors.Sum(tensor => tensor.Bytes));

    private MemoryBufferInfo ListEntry(ArtifactEntry<MemoryBufferDocument> stored)
    {
        try
        {
            return ReadHeader(stored.Id, stored).Info;
        }
        catch (UserErrorException exception)
        {
            return new MemoryBufferInfo(stored.Id, null, [], 0, 0, default, stored.SchemaVersion, null, exception.Message);
        }
    }

    /// <summary>The header with its settings parsed; damage throws, naming the buffer.</summary>
    private Header ReadHeader(string name, ArtifactEntry<MemoryBufferDocument> stored)
    {
        try
        {
            var document = stored.Document;
            var settings = Decode(() => MemorySettingsJson.Deserialize(document.Settings));
            var steps = document.Steps.Order().ToList();
            return new Header(
                settings,
                steps,
                document.Images,
                document.Bytes,
                new MemoryBufferInfo(name, settings, steps, document.Images, document.Bytes, document.CreatedAt, stored.SchemaVersion, document.Writer?.Describe()));
        }
        catch (UserErrorException exception)
        {
            throw new UserErrorException($"the header of memory buffer '{name}' cannot be read: {exception.Message} To fix it, {DamageFix(name)}.", exception);
        }
    }

    private Header? TryReadHeader(string name, ArtifactEntry<MemoryBufferDocument> stored)
    {
        try
        {
            return ReadHeader(name, stored);
        }
        catch (UserErrorException)
        {
            return null;
        }
    }

    private T Decode<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (InvalidDataException exception)
        {
            throw new UserErrorException($"{exception.Message} (in {Path})", exception);
        }
    }

    private static string DamageFix(string name) =>
        $"delete the buffer ('distillery memory delete {name}') or run again with Overwrite; other buffers and sets are not affected";

    private UserErrorException Unknown(IArtifactSession session, string name)
    {
        var names = Headers(session).List().Select(entry => entry.Id).Order(StringComparer.Ordinal).ToList();
        var stored = names.Count == 0 ? "it holds no memory buffers" : $"stored buffers: {string.Join(", ", names)}";
        return new UserErrorException($"no memory buffer named '{name}' in {Path}; {stored}");
    }

    private UserErrorException Busy(string name, WriterLease writer) =>
        new($"the memory buffer '{name}' in {Path} is being written by {writer.Describe()}. " +
            "Wait for that run to finish, or give this run another BufferName.");

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('|', StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            throw new UserErrorException($"'{name}' is not a valid buffer name: use letters, digits and - _ . / only.");
        }
    }

    private sealed record Header(MemoryBufferSettings Settings, IReadOnlyList<int> Steps, long Images, long Bytes, MemoryBufferInfo Info);
}
