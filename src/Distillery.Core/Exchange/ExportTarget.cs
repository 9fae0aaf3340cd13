using Distillery.Methods;

namespace Distillery.Exchange;

/// <summary>
/// Where an export goes: the file given, or, as <c>cp</c> does, <c>NAME.pt</c> inside it when it is a folder.
/// </summary>
public static class ExportTarget
{
    public static string Resolve(string file, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(name);
        var full = Path.GetFullPath(file);
        return Directory.Exists(full) ? Path.Combine(full, SafeFileName.From(name) + ".pt") : full;
    }

    /// <summary>Writes <paramref name="set"/> named <paramref name="name"/> to <paramref name="file"/> (a file or a folder); returns the file written.</summary>
    /// <exception cref="UserErrorException">The file cannot be written: its folder is missing or not writable.</exception>
    public static string Export(SyntheticSet set, string file, string name)
    {
        var path = Resolve(file, name);
        try
        {
            PyTorchSetFile.Export(set, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"cannot write {path}: {exception.Message} Give a file in a folder that exists and that you may write, or a folder.", exception);
        }

        return path;
    }
}
