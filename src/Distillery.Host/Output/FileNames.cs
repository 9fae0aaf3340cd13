using Distillery.Exchange;

namespace Distillery.Host.Output;

/// <summary>Turns a set's name into a safe file name (see <see cref="SafeFileName"/>).</summary>
public static class FileNames
{
    public static string From(string name) => SafeFileName.From(name);
}
