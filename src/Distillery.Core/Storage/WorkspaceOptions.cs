using System.ComponentModel.DataAnnotations;

namespace Distillery.Storage;

/// <summary>The workspace database: one LiteDB file holding sets, runs, checkpoints and memories.</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    /// <summary>The LiteDB file; created (with its folder) on first use.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "distillery.db";

    /// <summary>
    /// Tensors are stored as byte chunks of at most this size, one document each, well below LiteDB's 16 MB
    /// document limit.
    /// </summary>
    [Range(1024, 8 * 1024 * 1024)]
    public int ChunkBytes { get; set; } = 4 * 1024 * 1024;
}
