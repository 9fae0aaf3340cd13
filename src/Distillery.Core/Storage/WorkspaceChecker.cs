using Distillery.Storage.Documents;
using LiteDB;

namespace Distillery.Storage;

/// <summary>
/// Reads every set, run, checkpoint and artifact document of a workspace, with every tensor's bytes checked against its
/// SHA-256, and lists what is damaged. Reads only.
/// </summary>
internal static class WorkspaceChecker
{
    private const string OwnerField = "owner";

    public static WorkspaceCheckReport Check(WorkspaceDatabase workspace)
    {
        var path = workspace.Path;
        var bytes = new FileInfo(path) is { Exists: true } file ? file.Length : 0;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<WorkspaceProblem>();
        if (WorkspaceDamage.CutProblem(path) is { } cut)
        {
            return new WorkspaceCheckReport(path, bytes, counts, [new WorkspaceProblem("file", path, cut)]);
        }

        try
        {
            workspace.Read(database =>
            {
                CheckCollection(database, WorkspaceSchema.Sets, "set", counts, problems, document =>
                {
                    var set = SetDocument.FromBson(document);
                    set.Tensors.ToList().ForEach(entry => TensorChunks.Verify(database, set.Id, entry));
                });
                CheckCollection(database, WorkspaceSchema.Runs, "run", counts, problems, document => RunDocument.FromBson(document));
                CheckCollection(database, WorkspaceSchema.Checkpoints, "checkpoint", counts, problems, document =>
                {
                    var checkpoint = CheckpointDocument.FromBson(document);
                    checkpoint.Tensors.ToList().ForEach(entry => TensorChunks.Verify(database, checkpoint.Owner, entry));
                });
                foreach (var name in database.GetCollectionNames().Where(IsArtifactCollection).Order(StringComparer.Ordinal))
                {
                    CheckCollection(database, name, name, counts, problems, document => CheckArtifact(database, document));
                }

                return true;
            });
        }
        catch (WorkspaceDamagedException)
        {
            problems.Add(new WorkspaceProblem("file", path, "LiteDB cannot read it"));
        }

        return new WorkspaceCheckReport(path, bytes, counts, problems);
    }

    private static void CheckCollection(
        LiteDatabase database,
        string collection,
        string kind,
        IDictionary<string, int> counts,
        List<WorkspaceProblem> problems,
        Action<BsonDocument> check)
    {
        counts[kind] = 0;
        foreach (var document in database.GetCollection(collection).FindAll())
        {
            counts[kind]++;
            try
            {
                check(document);
            }
            catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or InvalidCastException or LiteException)
            {
                problems.Add(new WorkspaceProblem(kind, Name(document), exception is LiteException ? "LiteDB cannot read it" : exception.Message));
            }
        }
    }

    /// <summary>A plugin's document: every field that holds a tensor entry is checked against the chunks of its owner.</summary>
    private static void CheckArtifact(LiteDatabase database, BsonDocument document)
    {
        var entries = document
            .Where(field => field.Value.IsDocument && field.Value.AsDocument.ContainsKey("sha256") && field.Value.AsDocument.ContainsKey("chunks"))
            .Select(field => TensorEntry.FromBson(field.Value))
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var owner = BsonFields.String(document, OwnerField);
        entries.ForEach(entry => TensorChunks.Verify(database, owner, entry));
    }

    private static string Name(BsonDocument document) =>
        document.TryGetValue(SetDocument.NameField, out var name) && name.IsString ? name.AsString
        : document.TryGetValue("_id", out var id) ? (id.IsString ? id.AsString : id.ToString())
        : "?";

    private static bool IsArtifactCollection(string name) =>
        name is not (WorkspaceSchema.Sets or WorkspaceSchema.Runs or WorkspaceSchema.Checkpoints or WorkspaceSchema.TensorChunks)
        && !name.StartsWith('$');
}
