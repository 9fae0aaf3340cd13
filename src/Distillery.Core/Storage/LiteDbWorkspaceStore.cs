using Distillery.Methods;
using Distillery.Storage.Artifacts;
using Distillery.Storage.Documents;
using LiteDB;
using static TorchSharp.torch;

namespace Distillery.Storage;

/// <summary>
/// The workspace in one LiteDB file. A set is a header document (unique name, provenance, and per tensor its type,
/// shape, size and SHA-256) plus the chunk documents holding its tensors' bytes; it is written in one transaction.
/// The file is opened on first use, in shared mode, so several processes can use one workspace.
/// </summary>
public sealed class LiteDbWorkspaceStore : IWorkspaceStore, IArtifactStores, IDisposable
{
    private readonly WorkspaceDatabase _database;
    private readonly TensorChunks _chunks;

    public LiteDbWorkspaceStore(WorkspaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkBytes, 1);
        _database = new WorkspaceDatabase(options.Path);
        _chunks = new TensorChunks(options.ChunkBytes);
    }

    /// <summary>The full path of the workspace file.</summary>
    public string Path => _database.Path;

    /// <summary>How the file is open now: reads open it read-only, the first write reopens it for writing.</summary>
    public WorkspaceOpenMode OpenMode => _database.Mode;

    /// <summary>Reads every document and checks every tensor's SHA-256; lists what is damaged. Never writes.</summary>
    public Task<WorkspaceCheckReport> CheckAsync(CancellationToken cancellationToken)
        => Task.Run(() => WorkspaceChecker.Check(_database), cancellationToken);

    /// <summary>
    /// Rebuilds the file without the space that deleted and replaced documents left, through a copy that replaces
    /// the file in one rename; refuses a damaged file. Returns the size before and after, in bytes.
    /// </summary>
    public Task<(long Before, long After)> CompactAsync(CancellationToken cancellationToken)
        => Task.Run(
            () =>
            {
                var report = WorkspaceChecker.Check(_database);
                if (!report.IsClean)
                {
                    throw new UserErrorException(
                        $"the workspace {Path} has {report.Problems.Count} damaged item(s) and is not compacted; 'distillery workspace check' lists them");
                }

                return WorkspaceCompactor.Compact(_database, cancellationToken);
            },
            cancellationToken);

    /// <summary>The open file, for other stores that keep their documents in the same workspace.</summary>
    internal WorkspaceDatabase Database => _database;

    /// <summary>The tensor chunk writer, with this workspace's chunk size.</summary>
    internal TensorChunks Chunks => _chunks;

    /// <summary>Called after each tensor chunk is written, inside the write's transaction (tensor name, chunk index).</summary>
    internal Action<string, int>? ChunkWritten
    {
        get => _chunks.ChunkWritten;
        set => _chunks.ChunkWritten = value;
    }

    public Task<StoredSetInfo> SaveSetAsync(string name, SyntheticSet set, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        CheckName(name);
        CheckShapes(set);
        return Task.Run(() => _database.Write(database => SaveSet(database, name, set, overwrite, cancellationToken)), cancellationToken);
    }

    public Task<SyntheticSet> LoadSetAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return Task.Run(() => _database.Read(database => LoadSet(database, name)), cancellationToken);
    }

    public Task<IReadOnlyList<StoredSetInfo>> ListSetsAsync(CancellationToken cancellationToken)
        => Task.Run(() => _database.Read(ListSets), cancellationToken);

    public Task<bool> SetExistsAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return Task.Run(() => _database.Read(database => FindSet(database, name) is not null), cancellationToken);
    }

    public Task DeleteSetAsync(string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        return Task.Run(
            () => _database.Write(database =>
            {
                var header = FindSet(database, name) ?? throw UnknownSet(database, name);
                var id = header["_id"];
                TensorChunks.Delete(database, id.AsString);
                database.GetCollection(WorkspaceSchema.Sets).Delete(id);
                return true;
            }),
            cancellationToken);
    }

    public ICheckpointStore Checkpoints(string runKey) => CheckpointStore(runKey);

    public Task<int?> CheckpointStepAsync(string runKey, CancellationToken cancellationToken) => CheckpointStore(runKey).StepAsync(cancellationToken);

    public Task DeleteCheckpointsAsync(string runKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runKey);
        return Task.Run(() => _database.Write(database => LiteDbCheckpointStore.Delete(database, runKey)), cancellationToken);
    }

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Id);
        return Task.Run(
            () => _database.Write(database => database.GetCollection(WorkspaceSchema.Runs).Upsert(RunDocument.ToBson(run))),
            cancellationToken);
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(CancellationToken cancellationToken)
        => Task.Run(
            () => _database.Read<IReadOnlyList<RunRecord>>(database => database.GetCollection(WorkspaceSchema.Runs)
                .FindAll()
                .Select(document => _database.Decode(
                        $"the run record '{document["_id"]}'",
                    "delete the workspace's runs or use another workspace",
                    () => RunDocument.FromBson(document)))
                .OrderBy(run => run.StartedAt)
                .ThenBy(run => run.Id, StringComparer.Ordinal)
                .ToList()),
            cancellationToken);

    public IArtifactStore For(string owner) => new LiteDbArtifactStore(_database, _chunks, owner);

    public void Dispose() => _database.Dispose();

    private LiteDbCheckpointStore CheckpointStore(string runKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runKey);
        return new LiteDbCheckpointStore(_database, _chunks, runKey);
    }

    private StoredSetInfo SaveSet(LiteDatabase database, string name, SyntheticSet set, bool overwrite, CancellationToken cancellationToken)
    {
        var sets = database.GetCollection(WorkspaceSchema.Sets);
        if (FindSet(database, name) is { } existing)
        {
            if (!overwrite)
            {
                throw new UserErrorException($"a set named '{name}' exists in {Path}; replace it (Overwrite) or pick another name") { Setting = "SetName", Value = name };
            }

            TensorChunks.Delete(database, existing["_id"].AsString);
            sets.Delete(existing["_id"]);
        }

        var id = $"set/{Guid.NewGuid():N}";
        var tensors = new List<TensorEntry>
        {
            _chunks.Write(database, id, SetDocument.ImagesTensor, set.Images, cancellationToken),
            _chunks.Write(database, id, SetDocument.LabelsTensor, set.Labels, cancellationToken),
        };
        if (set.SoftLabels is { } softLabels)
        {
            tensors.Add(_chunks.Write(database, id, SetDocument.SoftLabelsTensor, softLabels, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var factor = set.Formation.Factor;
        var schema = factor == 1 ? WorkspaceSchema.Version : SetDocument.DecodingSchemaVersion;
        var header = new SetDocument(id, name, set.Provenance, set.LearnedLearningRate, tensors, DateTimeOffset.UtcNow, schema, factor);
        try
        {
            sets.Insert(header.ToBson());
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new UserErrorException($"a set named '{name}' exists in {Path}; replace it (Overwrite) or pick another name", exception) { Setting = "SetName", Value = name };
        }

        return header.ToInfo();
    }

    private SyntheticSet LoadSet(LiteDatabase database, string name)
    {
        var document = FindSet(database, name) ?? throw UnknownSet(database, name);
        const string Fix = "delete it and save or import it again; the other sets are not affected";
        return _database.Decode($"the set '{name}'", Fix, () =>
        {
            var header = SetDocument.FromBson(document);
            using var scope = NewDisposeScope();
            var images = TensorChunks.Read(database, header.Id, header.Tensor(SetDocument.ImagesTensor));
            var labels = TensorChunks.Read(database, header.Id, header.Tensor(SetDocument.LabelsTensor));
            var softLabels = header.OptionalTensor(SetDocument.SoftLabelsTensor) is { } entry
                ? TensorChunks.Read(database, header.Id, entry)
                : null;
            var set = new SyntheticSet(images, labels, header.Provenance)
            {
                SoftLabels = softLabels,
                LearnedLearningRate = header.LearnedLearningRate,
                Formation = new Formation(header.Factor),
            };
            images.MoveToOuterDisposeScope();
            labels.MoveToOuterDisposeScope();
            softLabels?.MoveToOuterDisposeScope();
            return set;
        });
    }

    private IReadOnlyList<StoredSetInfo> ListSets(LiteDatabase database)
        => database.GetCollection(WorkspaceSchema.Sets)
            .FindAll()
            .Select(document => _database.Decode(
                $"the set '{document[SetDocument.NameField]}'",
                "delete it and save or import it again",
                () => SetDocument.FromBson(document).ToInfo()))
            .OrderBy(info => info.Name, StringComparer.Ordinal)
            .ToList();

    private static BsonDocument? FindSet(LiteDatabase database, string name)
        => database.GetCollection(WorkspaceSchema.Sets).FindOne(Query.EQ(SetDocument.NameField, name));

    private UserErrorException UnknownSet(LiteDatabase database, string name)
    {
        var names = database.GetCollection(WorkspaceSchema.Sets)
            .FindAll()
            .Select(document => document[SetDocument.NameField])
            .Where(value => value.IsString)
            .Select(value => value.AsString)
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = names.Count == 0 ? "it holds no sets" : $"stored sets: {string.Join(", ", names)}";
        return new UserErrorException($"no set named '{name}' in {Path}; {stored}");
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UserErrorException("a set needs a name that is not empty") { Setting = "SetName" };
        }
    }

    private static void CheckShapes(SyntheticSet set)
    {
        if (set.Images.dim() != 4)
        {
            throw new ArgumentException($"The images of a set are [N, C, H, W], not [{string.Join(", ", set.Images.shape)}].", nameof(set));
        }

        if (set.Labels.dim() != 1 || set.Labels.shape[0] != set.Images.shape[0])
        {
            throw new ArgumentException($"The labels of a set are [{set.Images.shape[0]}], not [{string.Join(", ", set.Labels.shape)}].", nameof(set));
        }

        if (set.Formation.Problem(set.Images.shape[2], set.Images.shape[3]) is { } problem)
        {
            throw new ArgumentException($"The images of the set cannot be decoded: {problem}", nameof(set));
        }
    }
}
