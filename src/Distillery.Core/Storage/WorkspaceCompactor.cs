using LiteDB;

namespace Distillery.Storage;

/// <summary>
/// Rebuilds a workspace file without the free pages that deleted and replaced documents left. LiteDB rebuilds a file in
/// place, so the rebuild runs on a copy beside it, and the copy then replaces the file in one rename: an interruption
/// leaves the old file whole.
/// </summary>
internal static class WorkspaceCompactor
{
    /// <summary>Compacts the file; returns its size before and after, in bytes.</summary>
    public static (long Before, long After) Compact(WorkspaceDatabase workspace, CancellationToken cancellationToken)
    {
        var path = workspace.Path;
        // One empty write folds a write-ahead log left beside the file into it, then the file is closed.
        workspace.Write(_ => true);
        workspace.Close();
        if (File.Exists(ReadOnlyWorkspaceFile.LogPath(path)))
        {
            throw new UserErrorException($"the workspace {path} is in use by another process (its write-ahead log is open); compact it when nothing else uses it");
        }

        var before = new FileInfo(path).Length;
        var folder = Path.GetDirectoryName(path) ?? ".";
        var copy = Path.Combine(folder, $".{Path.GetFileName(path)}.compact-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(path, copy);
            cancellationToken.ThrowIfCancellationRequested();
            using (var database = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct }))
            {
                database.Rebuild();
            }

            cancellationToken.ThrowIfCancellationRequested();
            DeleteBeside(copy, "-backup");
            DeleteBeside(copy, "-log");
            File.Move(copy, path, overwrite: true);
        }
        finally
        {
            File.Delete(copy);
            DeleteBeside(copy, "-backup");
            DeleteBeside(copy, "-log");
        }

        return (before, new FileInfo(path).Length);
    }

    private static void DeleteBeside(string path, string suffix) =>
        File.Delete(Path.Combine(
            Path.GetDirectoryName(path) ?? ".",
            $"{Path.GetFileNameWithoutExtension(path)}{suffix}{Path.GetExtension(path)}"));
}
