namespace Distillery.Tests.Kit;

/// <summary>A fresh folder under the system's temporary folder, removed (best effort) on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("distillery-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Creates the subfolder (and its parents) and returns its path.</summary>
    public string Folder(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A loaded plugin may keep its file open.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
