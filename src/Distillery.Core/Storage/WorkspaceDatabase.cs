using Distillery.Storage.Documents;
using LiteDB;

namespace Distillery.Storage;

/// <summary>
/// The workspace's LiteDB file, opened on first use in shared mode (several processes may use it at once). Every read
/// and write runs in one transaction on the calling thread, serialized within this process: writes commit as a whole
/// or roll back, reads see one consistent state.
/// </summary>
internal sealed class WorkspaceDatabase(string path) : IDisposable
{
    private readonly Lock _gate = new();
    private LiteDatabase? _database;
    private bool _disposed;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public T Read<T>(Func<LiteDatabase, T> read)
    {
        lock (_gate)
        {
            var database = Open();
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
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or LiteException or InvalidCastException)
        {
            throw new UserErrorException($"{what} in {Path} is damaged: {exception.Message}; {fix}", exception);
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

    private LiteDatabase Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_database is not null)
        {
            return _database;
        }

        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (!WorkspaceFileFormat.IsNewOrLiteDb(Path))
        {
            throw NotAWorkspace("it does not start with a LiteDB 5 header.", null);
        }

        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Shared });
            database.GetCollection(WorkspaceSchema.Sets).EnsureIndex(SetDocument.NameField, unique: true);
            TensorChunks.EnsureIndexes(database);
        }
        catch (LiteException exception)
        {
            database?.Dispose();
            throw NotAWorkspace(exception.Message, exception);
        }

        _database = database;
        return database;
    }

    private UserErrorException NotAWorkspace(string reason, Exception? inner)
    {
        var message = $"'{Path}' is not a Distillery workspace (LiteDB) file: {reason} "
            + "Point Workspace:Path at a workspace file or at a new file name.";
        return inner is null ? new UserErrorException(message) : new UserErrorException(message, inner);
    }
}
