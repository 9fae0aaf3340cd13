using Distillery.Memory.Documents;
using Distillery.Storage;
using Distillery.Storage.Documents;
using LiteDB;
using static TorchSharp.torch;

namespace Distillery.Memory;

/// <summary>
/// Memory buffers in the workspace's LiteDB file, beside its sets and checkpoints and through the same connection
/// (shared mode, so other processes can use the file at the same time). A buffer is a header document plus one
/// document per (step, class) whose images are checksummed tensor chunks. A step is written in one transaction.
/// </summary>
public sealed class LiteDbMemoryBufferStore : IMemoryBufferStore
{
    private readonly WorkspaceDatabase _database;
    private readonly TensorChunks _chunks;

    public LiteDbMemoryBufferStore(LiteDbWorkspaceStore workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _database = workspace.Database;
        _chunks = workspace.Chunks;
    }

    /// <summary>The full path of the workspace file.</summary>
    public string Path => _database.Path;

    public Task<IMemoryBufferWriter> OpenWriterAsync(string name, MemoryBufferSettings settings, bool overwrite, CancellationToken cancellationToken)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(settings);
        var lease = WriterLease.ForThisProcess();
        return Task.Run<IMemoryBufferWriter>(
            () =>
            {
                var info = _database.Write(database => Open(database, name, settings, overwrite, lease));
                return new LiteDbMemoryBufferWriter(this, name, lease, info);
            },
            cancellationToken);
    }

    public Task<MemoryBufferInfo?> FindAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return Task.Run(
            () => _database.Read(database => Header(database, name) is { } header ? ReadHeader(name, header).ToInfo() : null),
            cancellationToken);
    }

    public Task<IReadOnlyList<MemoryBufferInfo>> ListAsync(CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<MemoryBufferInfo>>(
            () => _database.Read(database => database.GetCollection(MemorySchema.Buffers)
                .FindAll()
                .Select(ListEntry)
                .OrderBy(info => info.Name, StringComparer.Ordinal)
                .ToList()),
            cancellationToken);

    public Task<IReadOnlyList<MemoryClass>> LoadStepAsync(string name, int step, CancellationToken cancellationToken)
    {
        CheckName(name);
        return Task.Run<IReadOnlyList<MemoryClass>>(() => _database.Read(database => LoadStep(database, name, step)), cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return Task.Run(
            () => _database.Write(database =>
            {
                var stored = Header(database, name) ?? throw Unknown(database, name);
                if (TryReadHeader(stored)?.Writer is { } writer && !writer.IsStale())
                {
                    throw Busy(name, writer);
                }

                return DeleteBuffer(database, name);
            }),
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

        return Task.Run(() => _database.Write(database => SaveStep(database, name, lease, step, classes, cancellationToken)), cancellationToken);
    }

    internal Task ReleaseAsync(string name, WriterLease lease) =>
        Task.Run(() => _database.Write(database =>
        {
            if (Header(database, name) is { } stored && TryReadHeader(stored) is { } header && header.Writer?.Token == lease.Token)
            {
                database.GetCollection(MemorySchema.Buffers).Update((header with { Writer = null }).ToBson());
            }

            return true;
        }));

    private MemoryBufferInfo Open(LiteDatabase database, string name, MemoryBufferSettings settings, bool overwrite, WriterLease lease)
    {
        var headers = database.GetCollection(MemorySchema.Buffers);
        if (Header(database, name) is { } stored)
        {
            var header = TryReadHeader(stored);
            if (header?.Writer is { } writer && !writer.IsStale())
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
                var claimed = header with { Writer = lease };
                headers.Update(claimed.ToBson());
                return claimed.ToInfo();
            }

            DeleteBuffer(database, name);
        }

        var created = new MemoryBufferDocument(name, settings, [], 0, 0, DateTimeOffset.UtcNow, lease);
        headers.Insert(created.ToBson());
        return created.ToInfo();
    }

    private bool SaveStep(LiteDatabase database, string name, WriterLease lease, int step, IReadOnlyList<MemoryClass> classes, CancellationToken cancellationToken)
    {
        var header = ReadHeader(name, Header(database, name) ?? throw Unknown(database, name));
        if (header.Writer?.Token != lease.Token)
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

        var (removedImages, removedBytes) = DeleteStep(database, name, step);
        var documents = database.GetCollection(MemorySchema.Classes);
        long images = 0, bytes = 0;
        foreach (var memory in classes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owner = $"memory/{Guid.NewGuid():N}";
            var entry = _chunks.Write(database, owner, MemoryClassDocument.ImagesTensor, memory.Images, cancellationToken);
            documents.Insert(new MemoryClassDocument(name, step, memory.Label, owner, memory.Provenance, entry, DateTimeOffset.UtcNow).ToBson());
            images += entry.Shape.Length > 0 ? entry.Shape[0] : 0;
            bytes += entry.Bytes;
        }

        var updated = header with
        {
            Steps = header.Steps.Append(step).Distinct().Order().ToList(),
            Images = header.Images - removedImages + images,
            Bytes = header.Bytes - removedBytes + bytes,
        };
        database.GetCollection(MemorySchema.Buffers).Update(updated.ToBson());
        return true;
    }

    private List<MemoryClass> LoadStep(LiteDatabase database, string name, int step)
    {
        var header = ReadHeader(name, Header(database, name) ?? throw Unknown(database, name));
        if (!header.Steps.Contains(step))
        {
            var held = header.Steps.Count == 0 ? "none" : string.Join(", ", header.Steps);
            throw new UserErrorException($"the memory buffer '{name}' in {Path} holds no step {step} (it holds steps: {held}).");
        }

        var loaded = new List<MemoryClass>();
        try
        {
            foreach (var label in header.Settings.Steps[step].Order())
            {
                var id = MemoryClassDocument.IdOf(name, step, label);
                var what = $"the memory of class {label} at step {step} in buffer '{name}'";
                var stored = database.GetCollection(MemorySchema.Classes).FindById(id);
                loaded.Add(_database.Decode(what, DamageFix(name), () =>
                {
                    var document = MemoryClassDocument.FromBson(stored ?? throw new InvalidDataException("its document is missing"));
                    var images = TensorChunks.Read(database, document.Owner, document.Images);
                    return new MemoryClass(document.Step, document.Label, images, document.Provenance);
                }));
            }

            return loaded;
        }
        catch
        {
            loaded.ForEach(memory => memory.Dispose());
            throw;
        }
    }

    private static (long Images, long Bytes) DeleteStep(LiteDatabase database, string name, int step)
    {
        var documents = database.GetCollection(MemorySchema.Classes);
        long images = 0, bytes = 0;
        foreach (var document in documents.Find(Query.And(Query.EQ(MemoryClassDocument.BufferField, name), Query.EQ("step", step))).ToList())
        {
            if (document.TryGetValue("owner", out var owner) && owner.IsString)
            {
                TensorChunks.Delete(database, owner.AsString);
            }

            if (TryRead(() => MemoryClassDocument.FromBson(document)) is { } read)
            {
                images += read.Images.Shape.Length > 0 ? read.Images.Shape[0] : 0;
                bytes += read.Images.Bytes;
            }

            documents.Delete(document["_id"]);
        }

        return (images, bytes);
    }

    private static bool DeleteBuffer(LiteDatabase database, string name)
    {
        var documents = database.GetCollection(MemorySchema.Classes);
        foreach (var document in documents.Find(Query.EQ(MemoryClassDocument.BufferField, name)).ToList())
        {
            if (document.TryGetValue("owner", out var owner) && owner.IsString)
            {
                TensorChunks.Delete(database, owner.AsString);
            }

            documents.Delete(document["_id"]);
        }

        return database.GetCollection(MemorySchema.Buffers).Delete(name);
    }

    private MemoryBufferInfo ListEntry(BsonDocument stored)
    {
        var name = stored.TryGetValue("_id", out var id) && id.IsString ? id.AsString : $"{id}";
        try
        {
            return ReadHeader(name, stored).ToInfo();
        }
        catch (UserErrorException exception)
        {
            return new MemoryBufferInfo(name, null, [], 0, 0, default, 0, null, exception.Message);
        }
    }

    private MemoryBufferDocument ReadHeader(string name, BsonDocument stored) =>
        _database.Decode($"the header of memory buffer '{name}'", DamageFix(name), () => MemoryBufferDocument.FromBson(stored));

    private static MemoryBufferDocument? TryReadHeader(BsonDocument stored) => TryRead(() => MemoryBufferDocument.FromBson(stored));

    private static T? TryRead<T>(Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or LiteException or InvalidCastException)
        {
            return null;
        }
    }

    private static BsonDocument? Header(LiteDatabase database, string name) =>
        database.GetCollection(MemorySchema.Buffers).FindById(name);

    private static string DamageFix(string name) =>
        $"delete the buffer ('distillery memory delete {name}') or run again with Overwrite; other buffers and sets are not affected";

    private UserErrorException Unknown(LiteDatabase database, string name)
    {
        var names = database.GetCollection(MemorySchema.Buffers).FindAll().Select(d => $"{d["_id"].RawValue}").Order(StringComparer.Ordinal).ToList();
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
}
