using Distillery.Storage.Documents;
using LiteDB;
using static TorchSharp.torch;

namespace Distillery.Storage;

/// <summary>
/// The checkpoint of one run in the workspace: one document keyed by the run key plus its tensor chunks. A save writes
/// the new checkpoint and removes the old one in one transaction.
/// </summary>
internal sealed class LiteDbCheckpointStore(WorkspaceDatabase database, TensorChunks chunks, string runKey) : ICheckpointStore
{
    private const string DamagedFix = "delete the run's checkpoints and start it again";

    private string Damaged => $"the checkpoint of run '{runKey}'";

    /// <summary>Saves the checkpoint, replacing the run's previous one, and disposes it (the store takes ownership).</summary>
    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return Task.Run(
            () =>
            {
                using (checkpoint)
                {
                    database.Write(db => Save(db, checkpoint, cancellationToken));
                }
            },
            cancellationToken);
    }

    public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken)
        => Task.Run(() => database.Read(Load), cancellationToken);

    /// <summary>The step of the run's checkpoint, or null if it has none; reads its document, not its tensors.</summary>
    public Task<int?> StepAsync(CancellationToken cancellationToken)
        => Task.Run(() => database.Read(Step), cancellationToken);

    /// <summary>Deletes the run's checkpoint; true if it had one.</summary>
    public static bool Delete(LiteDatabase db, string runKey)
    {
        var checkpoints = db.GetCollection(WorkspaceSchema.Checkpoints);
        if (checkpoints.FindById(runKey) is not { } document)
        {
            return false;
        }

        if (document.TryGetValue("owner", out var owner) && owner.IsString)
        {
            TensorChunks.Delete(db, owner.AsString);
        }

        return checkpoints.Delete(runKey);
    }

    private bool Save(LiteDatabase db, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        Delete(db, runKey);
        var owner = $"checkpoint/{Guid.NewGuid():N}";
        var tensors = checkpoint.Tensors
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => chunks.Write(db, owner, pair.Key, pair.Value, cancellationToken))
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var document = new CheckpointDocument(runKey, owner, checkpoint.Step, checkpoint.StateJson, tensors, DateTimeOffset.UtcNow);
        db.GetCollection(WorkspaceSchema.Checkpoints).Insert(document.ToBson());
        return true;
    }

    private int? Step(LiteDatabase db) =>
        db.GetCollection(WorkspaceSchema.Checkpoints).FindById(runKey) is { } stored
            ? database.Decode(Damaged, DamagedFix, () => BsonFields.Int32(stored, "step"))
            : null;

    private Checkpoint? Load(LiteDatabase db)
    {
        if (db.GetCollection(WorkspaceSchema.Checkpoints).FindById(runKey) is not { } stored)
        {
            return null;
        }

        return database.Decode(Damaged, DamagedFix, () =>
        {
            var document = CheckpointDocument.FromBson(stored);
            using var scope = NewDisposeScope();
            var tensors = document.Tensors.ToDictionary(
                entry => entry.Name,
                entry => TensorChunks.Read(db, document.Owner, entry),
                StringComparer.Ordinal);
            foreach (var tensor in tensors.Values)
            {
                tensor.MoveToOuterDisposeScope();
            }

            return new Checkpoint(document.Step, tensors, document.StateJson);
        });
    }
}
