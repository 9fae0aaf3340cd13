namespace Distillery.Tests.Host;

/// <summary>A fresh folder under the temp directory, removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("distillery-host-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a loaded plugin may keep its file open.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
