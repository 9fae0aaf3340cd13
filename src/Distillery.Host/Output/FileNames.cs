namespace Distillery.Host.Output;

/// <summary>Turns a set's name into a safe file name.</summary>
public static class FileNames
{
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c == ':' ? '_' : c).ToArray();
        return new string(chars);
    }
}
