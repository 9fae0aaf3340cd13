namespace Distillery.Storage.Documents;

/// <summary>The collections of a workspace database and the schema version its documents are written with.</summary>
internal static class WorkspaceSchema
{
    /// <summary>Written into the <c>schema</c> field of every document.</summary>
    public const int Version = 1;

    public const string SchemaField = "schema";

    public const string Sets = "sets";

    public const string TensorChunks = "tensor_chunks";

    public const string Checkpoints = "checkpoints";

    public const string Runs = "runs";
}
