using System.ComponentModel.DataAnnotations;

namespace Distillery.Storage;

/// <summary>The workspace database: one LiteDB file holding sets, runs, checkpoints and memories.</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "distillery.db";
}
