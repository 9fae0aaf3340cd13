namespace Distillery.Storage;

/// <summary>One damaged item of a workspace: its kind (set, run, checkpoint, a collection's name, or the file), its name, and what is wrong.</summary>
public sealed record WorkspaceProblem(string Kind, string Name, string Problem);

/// <summary>What <c>workspace check</c> found: how many items of each kind it read, and the damaged ones.</summary>
public sealed record WorkspaceCheckReport(string Path, long Bytes, IReadOnlyDictionary<string, int> Checked, IReadOnlyList<WorkspaceProblem> Problems)
{
    public bool IsClean => Problems.Count == 0;
}
