using Distillery.Storage;

namespace Distillery.Host.Commands.Workspace;

/// <summary>The workspace commands work on an existing file; a missing one is a wrong path, said with the path.</summary>
internal static class WorkspaceFileRequired
{
    public static void Check(LiteDbWorkspaceStore store)
    {
        if (!File.Exists(store.Path) && !Directory.Exists(store.Path))
        {
            throw new UserErrorException($"no workspace at {store.Path}") { Setting = WorkspaceOptions.Section, Value = "PATH" };
        }
    }
}
