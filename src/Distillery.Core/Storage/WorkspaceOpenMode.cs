namespace Distillery.Storage;

/// <summary>How the workspace file is open.</summary>
public enum WorkspaceOpenMode
{
    /// <summary>Not open (nothing read or written yet, or closed).</summary>
    Closed,

    /// <summary>Open for reading only: the file cannot be changed through it.</summary>
    ReadOnly,

    /// <summary>Open for reading and writing, in shared mode.</summary>
    ReadWrite,
}
