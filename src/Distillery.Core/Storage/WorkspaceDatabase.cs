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
    private bool _readOnlyOpened;
    private bool _disposed;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>How the file is open: for writing once a write opened it, else read-only once a read did.</summary>
    public WorkspaceOpenMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _database is not null ? WorkspaceOpenMode.ReadWrite
                    : _readOnlyOpened ? WorkspaceOpenMode.ReadOnly
                    : WorkspaceOpenMode.Closed;
            }
        }
    }

    public T Read<T>(Func<LiteDatabase, T> read)
    {
        lock (_gate)
        {
            if (_database is { } writable)
            {
                return InTransaction(writable, read);
            }

            // Opened for each read, as shared mode does, so that each read sees what other processes committed.
            using var file = OpenReadOnly();
            try
            {
                return InTransaction(file.Database, read);
            }
            catch (Exception exception) when (exception is LiteException or NotSupportedException || WorkspaceDamage.RaisedInLiteDb(exception))
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

    private T InTransaction<T>(LiteDatabase database, Func<LiteDatabase, T> read)
    {
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
        catch (Exception exception) when (exception is LiteException || WorkspaceDamage.RaisedInLiteDb(exception))
        {
            throw WorkspaceDamage.Unreadable(Path, exception);
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
            _database?.Dispose();
            _database = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _database?.Dispose();
            _database = null;
        }
    }

    private ReadOnlyWorkspaceFile OpenReadOnly()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckNotADirectory();
        if (!WorkspaceFileFormat.IsNewOrLiteDb(Path))
        {
            throw NotAWorkspace("it does not start with a LiteDB 5 header.", null);
        }

        WorkspaceDamage.ThrowIfCut(Path);
        _readOnlyOpened = true;
        try
        {
            return ReadOnlyWorkspaceFile.Open(Path);
        }
        catch (Exception exception) when (exception is LiteException or NotSupportedException)
        {
            throw WorkspaceDamage.Unreadable(Path, exception);
        }
    }

    private LiteDatabase Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_database is not null)
        {
            return _database;
        }

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
                exception)
            { Setting = WorkspaceOptions.Section };
        }

        _database = database;
        return database;
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
