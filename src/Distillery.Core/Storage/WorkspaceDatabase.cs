using Distillery.Storage.Documents;
using LiteDB;

namespace Distillery.Storage;

/// <summary>
/// The workspace's LiteDB file. Reads open it read-only, through a stream the operating system will not let write, so
/// a command that only reads never changes the file, even a damaged one, and works on a file it may not write; a
/// missing file reads as an empty workspace and is not created. The first write reopens it in shared mode (several
/// processes may use it at once). Every read and write runs in one transaction on the calling thread, serialized
/// within this process: writes commit as a whole or roll back, reads see one consistent state.
/// </summary>
internal sealed class WorkspaceDatabase(string path) : IDisposable
{
    private readonly Lock _gate = new();
    private LiteDatabase? _database;
    private ReadOnlyWorkspaceFile? _readOnly;
    private bool _disposed;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>How the file is open now.</summary>
    public WorkspaceOpenMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _database is not null ? WorkspaceOpenMode.ReadWrite
                    : _readOnly is not null ? WorkspaceOpenMode.ReadOnly
                    : WorkspaceOpenMode.Closed;
            }
        }
    }

    public T Read<T>(Func<LiteDatabase, T> read)
    {
        lock (_gate)
        {
            var database = _database ?? OpenReadOnly();
            try
            {
                database.BeginTrans();
                try
                {
                    return read(database);
                }
                finally
                {
                    database.Rollback();
                }
            }
            catch (Exception exception) when (exception is LiteException || (exception is NotSupportedException && database != _database))
            {
                throw WorkspaceDamage.Unreadable(Path, exception);
            }
        }
    }

    public T Write<T>(Func<LiteDatabase, T> write)
    {
        lock (_gate)
        {
            var database = Open();
            database.BeginTrans();
            T result;
            try
            {
                result = write(database);
            }
            catch
            {
                database.Rollback();
                throw;
            }

            database.Commit();
            return result;
        }
    }

    /// <summary>
    /// Runs <paramref name="decode"/>, turning damage in what it reads into a <see cref="UserErrorException"/> that
    /// names <paramref name="what"/> and says how to <paramref name="fix"/> it.
    /// </summary>
    public T Decode<T>(string what, string fix, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (LiteException exception)
        {
            throw WorkspaceDamage.Unreadable(Path, exception);
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or InvalidCastException)
        {
            throw new UserErrorException($"{what} in {Path} is damaged: {exception.Message}; {fix}", exception);
        }
    }

    /// <summary>Closes the file, so that another (a rebuild) may replace it; the next read or write opens it again.</summary>
    public void Close()
    {
        lock (_gate)
        {
            CloseReadOnly();
            _database?.Dispose();
            _database = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            CloseReadOnly();
            _database?.Dispose();
            _database = null;
        }
    }

    private LiteDatabase OpenReadOnly()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_readOnly is not null)
        {
            return _readOnly.Database;
        }

        CheckNotADirectory();
        if (!WorkspaceFileFormat.IsNewOrLiteDb(Path))
        {
            throw NotAWorkspace("it does not start with a LiteDB 5 header.", null);
        }

        WorkspaceDamage.ThrowIfCut(Path);
        _readOnly = ReadOnlyWorkspaceFile.Open(Path);
        return _readOnly.Database;
    }

    private LiteDatabase Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_database is not null)
        {
            return _database;
        }

        CloseReadOnly();
        CheckNotADirectory();
        if (!WorkspaceFileFormat.IsNewOrLiteDb(Path))
        {
            throw NotAWorkspace("it does not start with a LiteDB 5 header.", null);
        }

        WorkspaceDamage.ThrowIfCut(Path);
        LiteDatabase? database = null;
        try
        {
            if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            database = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Shared });
            database.GetCollection(WorkspaceSchema.Sets).EnsureIndex(SetDocument.NameField, unique: true);
            TensorChunks.EnsureIndexes(database);
        }
        catch (LiteException exception)
        {
            database?.Dispose();
            throw new FileInfo(Path) is { Exists: true, Length: > 0 }
                ? WorkspaceDamage.Unreadable(Path, exception)
                : NotAWorkspace("LiteDB cannot open it.", exception);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            database?.Dispose();
            throw new UserErrorException(
                $"cannot write the workspace {Path}: {exception.Message} Make the file and its folder writable, or point --workspace at another file.",
                exception) { Setting = WorkspaceOptions.Section };
        }

        _database = database;
        return database;
    }

    private void CloseReadOnly()
    {
        _readOnly?.Dispose();
        _readOnly = null;
    }

    private void CheckNotADirectory()
    {
        if (Directory.Exists(Path))
        {
            throw new UserErrorException(
                $"the workspace '{Path}' is a directory; give the path of a workspace file, e.g. {System.IO.Path.Combine(Path, "distillery.db")}")
            {
                Setting = WorkspaceOptions.Section,
                Value = Path,
            };
        }
    }

    private UserErrorException NotAWorkspace(string reason, Exception? inner)
    {
        var message = $"'{Path}' is not a Distillery workspace (LiteDB) file: {reason} "
            + "Point Workspace:Path at a workspace file or at a new file name.";
        return inner is null ? new UserErrorException(message) : new UserErrorException(message, inner);
    }
}
