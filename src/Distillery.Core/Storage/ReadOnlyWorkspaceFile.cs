using LiteDB;

namespace Distillery.Storage;

/// <summary>
/// The workspace file opened for reading only: LiteDB reads it through a stream opened without write access (and its
/// write-ahead log the same way, when one is there), so nothing it does can change the file. LiteDB's own read-only
/// setting is not enough: it still shortens a file whose length is not a whole number of pages. A missing or empty file
/// reads as an empty workspace held in memory; no file is created.
/// </summary>
internal sealed class ReadOnlyWorkspaceFile : IDisposable
{
    private readonly Stream _data;
    private readonly Stream? _log;

    private ReadOnlyWorkspaceFile(Stream data, Stream? log, LiteDatabase database)
    {
        _data = data;
        _log = log;
        Database = database;
    }

    public LiteDatabase Database { get; }

    public static ReadOnlyWorkspaceFile Open(string path)
    {
        if (new FileInfo(path) is not { Exists: true, Length: > 0 })
        {
            var empty = new MemoryStream();
            return new ReadOnlyWorkspaceFile(empty, null, new LiteDatabase(empty));
        }

        var data = OpenForReading(path);
        Stream? log = null;
        try
        {
            var logPath = LogPath(path);
            log = File.Exists(logPath) ? OpenForReading(logPath) : null;
            return new ReadOnlyWorkspaceFile(data, log, new LiteDatabase(data, mapper: null, logStream: log));
        }
        catch
        {
            log?.Dispose();
            data.Dispose();
            throw;
        }
    }

    /// <summary>LiteDB's write-ahead log beside the data file: <c>NAME-log.EXT</c>.</summary>
    public static string LogPath(string path) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(path) ?? string.Empty,
            $"{System.IO.Path.GetFileNameWithoutExtension(path)}-log{System.IO.Path.GetExtension(path)}");

    public void Dispose()
    {
        try
        {
            Database.Dispose();
        }
        catch (NotSupportedException)
        {
            // LiteDB tried to write back on closing; the stream refused, as intended.
        }
        catch (LiteException)
        {
            // Closing a damaged file: nothing was written, nothing is lost.
        }
        finally
        {
            _log?.Dispose();
            _data.Dispose();
        }
    }

    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
}
